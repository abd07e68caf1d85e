using Elex.Cli;

namespace Elex.Cli.Tests;

/// <summary>Runs the elex command line in-process with captured standard streams.</summary>
public static class CliRunner
{
    // Every in-process run uses its own store in a temp folder, never the user's data directory.
    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), $"elex-cli-data-{Guid.NewGuid():N}");

    public static async Task<(int Exit, string Out, string Err)> RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var ownData = args.Contains("--data") ? null : NewDataDirectory();
        var withData = ownData is null ? args : [.. args, "--data", ownData];
        int exit;
        try
        {
            exit = await ElexCli.RunAsync(withData, new StringReader(stdin), output, error);
        }
        finally
        {
            if (ownData is not null && Directory.Exists(ownData))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(ownData, recursive: true);
            }
        }
        return (exit, output.ToString(), error.ToString());
    }

    public static Task<(int Exit, string Out, string Err)> Run(params string[] args) => RunWithInput("", args);
}
