using Elex.Server.Auth;

namespace Elex.Server;

/// <summary>
/// The entry point. A named class rather than top-level statements: the benchmarks reference this assembly and
/// have a <c>Program</c> of their own.
/// </summary>
internal static class ServerProgram
{
    public static async Task<int> Main(string[] args)
    {
        // `token --user alice --roles trainer,operator [--minutes 480]` mints a development token with the configured key.
        if (args.Length > 0 && args[0] == TokenCommand.Name) return TokenCommand.Run(args[1..], Console.Out, Console.Error);

        await ElexServer.CreateApplication(args).RunAsync().ConfigureAwait(false);
        return 0;
    }
}
