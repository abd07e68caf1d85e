using System.CommandLine;
using Elex.Streams;
using Elex.Sync;
using Elex.Sync.Transport;

namespace Elex.Cli;

/// <summary>
/// <c>elex sync --relay ws://host:port/sync --trust keys.txt</c>: publishes what the agents learned
/// to a relay, merges what trusted peers publish while it listens, and stores the result.
/// <c>elex sync --identity</c> prints this swarm's public key for peers' trust lists.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(Option<string?> catalogOption, Option<string?> dataOption, TextWriter output, TextWriter error)
    {
        var identity = new Option<bool>("--identity") { Description = "Print this swarm's public key (for peers' trust lists) and exit." };
        var relay = new Option<string?>("--relay") { Description = "WebSocket URL of the sync relay, e.g. ws://127.0.0.1:5080/sync." };
        var trust = new Option<string?>("--trust") { Description = "File of trusted peer keys, one 'ed25519-pub:…' per line ('#' comments)." };
        var listen = OptionValues.Seconds("--listen", "Seconds to keep receiving peers' deltas after publishing.", 5);
        var command = new Command("sync", "Share learned Q-values with trusted swarms through a relay.") { identity, relay, trust, listen };
        command.SetAction(async (parse, cancellation) =>
        {
            var source = CatalogSource.Open(parse.GetValue(catalogOption));
            await using var host = await SwarmHost.StartAsync(source, new SwarmConfig { AutoSync = false }, parse.GetValue(dataOption), error, cancellation);
            var swarm = host.Swarm;
            if (parse.GetValue(identity))
            {
                output.WriteLine(swarm.Identity.ToString());
                return ExitCodes.Ok;
            }
            if (!RelayAddress.TryParse(parse.GetValue(relay), out var endpoint, out var problem))
            {
                error.WriteLine($"elex sync: --relay {problem} (or use --identity).");
                return ExitCodes.Usage;
            }
            if (parse.GetValue(trust) is { } trustFile)
            {
                if (Elex.Core.IO.InputFile.Problem(trustFile, "trust file") is { } fileProblem)
                {
                    error.WriteLine($"elex sync: --trust '{trustFile}' {fileProblem}.");
                    return ExitCodes.Usage;
                }
                TrustList keys;
                try
                {
                    keys = TrustList.Parse(await File.ReadAllTextAsync(trustFile, cancellation), swarm.Identity);
                }
                catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"elex sync: trust file '{trustFile}': {e.Message}");
                    return ExitCodes.Usage;
                }
                swarm.TrustPeers(keys.Keys);
            }
            await swarm.StartSyncAsync(new WebSocketSyncTransport(endpoint), cancellation);
            var sent = await swarm.SyncAsync(cancellation);
            var seconds = parse.GetValue(listen);
            if (seconds > 0)
                await Task.Delay(TimeSpan.FromSeconds(seconds), cancellation);
            var status = swarm.GetSyncStatus();
            output.WriteLine($"identity {status.Identity}");
            output.WriteLine($"published {sent} agent(s); accepted {status.Accepted} delta(s) from peers; rejected {status.RejectedTotal} ({string.Join(", ", status.Rejected.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}"))}); agents with peers' learning {status.PeerAgents}");
            if (status.LastError is { } last) error.WriteLine($"elex sync: {last}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
