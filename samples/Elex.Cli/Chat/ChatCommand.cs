using System.CommandLine;
using Elex.Streams;

namespace Elex.Cli.Chat;

/// <summary>
/// <c>elex chat</c>: an interactive session in which follow-up questions are understood in the context
/// of the earlier ones. At a terminal the line can be edited and earlier questions recalled; with
/// standard input redirected it reads one question per line, so a chat can be scripted.
/// </summary>
internal static class ChatCommand
{
    public static Command Create(Option<string?> catalogOption, Option<string?> dataOption, Option<string?> safeZonesOption, TextReader input, TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print each answer as one JSON object per line (for scripts)." };
        var maxAgents = OptionValues.WholeNumber("--max-agents", "Most feature agents kept loaded.", 50, minimum: 1);
        var command = new Command("chat", "An interactive session: follow-up questions are understood in the context of the earlier ones.") { json, maxAgents };
        command.SetAction(async (parse, cancellation) =>
        {
            var source = CatalogSource.Open(parse.GetValue(catalogOption));
            var config = new SwarmConfig { MaxAgents = parse.GetValue(maxAgents), SafeZones = SafeZoneSource.Load(parse.GetValue(safeZonesOption)) };
            await using var host = await SwarmHost.StartAsync(source, config, parse.GetValue(dataOption), error, cancellation, semantic: true);
            using var conversation = host.Swarm.CreateSession();
            ILineReader lines = IsTerminal(input) ? new TerminalLineReader(output) : new RedirectedLineReader(input);
            return await new ChatSession(host.Swarm, conversation, host.Catalog, lines, output, error, parse.GetValue(json)).RunAsync(cancellation);
        });
        return command;
    }

    // Key-by-key editing needs the process's own console on both ends; pipes, files and tests get plain lines.
    private static bool IsTerminal(TextReader input) =>
        ReferenceEquals(input, Console.In) && !Console.IsInputRedirected && !Console.IsOutputRedirected;
}
