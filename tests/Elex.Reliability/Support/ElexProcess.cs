using System.Diagnostics;

namespace Elex.Reliability.Support;

/// <summary>Starts the built elex tool (copied beside the tests by the CLI project reference) as a child process.</summary>
public static class ElexProcess
{
    /// <summary>Starts <c>dotnet elex.dll</c> with redirected streams and no store passphrase.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "elex.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("ELEX_PASSPHRASE");
        return Process.Start(start)!;
    }
}
