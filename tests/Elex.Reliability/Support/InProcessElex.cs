using Elex.Cli;

namespace Elex.Reliability.Support;

/// <summary>Runs the elex command line in-process with captured standard streams.</summary>
public static class InProcessElex
{
    /// <summary>Runs elex with <paramref name="stdin"/> as its input; any exception escaping it fails the caller.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ElexCli.RunAsync(args, new StringReader(stdin), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Splits the tool's output into lines (the last newline ends the last line).</summary>
    public static string[] Lines(string output) =>
        output.Length == 0 ? [] : output.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
}
