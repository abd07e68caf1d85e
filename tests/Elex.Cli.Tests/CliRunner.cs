using Elex.Cli;

namespace Elex.Cli.Tests;

/// <summary>Runs the elex command line in-process with captured standard streams.</summary>
public static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ElexCli.RunAsync(args, new StringReader(stdin), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static Task<(int Exit, string Out, string Err)> Run(params string[] args) => RunWithInput("", args);
}
