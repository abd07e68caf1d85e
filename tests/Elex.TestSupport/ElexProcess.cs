using System.Diagnostics;

namespace Elex.TestSupport;

/// <summary>
/// Starts the built elex tool as a child process (kill, durability and environment tests). The test
/// project references the CLI project, which copies elex.dll beside the tests.
/// </summary>
public static class ElexProcess
{
    /// <summary>Starts elex with redirected streams; <paramref name="passphrase"/> sets ELEX_PASSPHRASE (null removes it).</summary>
    public static Process Start(string? passphrase, params string[] args)
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
        if (passphrase is null) start.Environment.Remove("ELEX_PASSPHRASE");
        else start.Environment["ELEX_PASSPHRASE"] = passphrase;
        return Process.Start(start)!;
    }

    /// <summary>Runs elex to the end and returns its exit code and output.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string? passphrase, params string[] args)
    {
        using var process = Start(passphrase, args);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await output, await error);
    }
}
