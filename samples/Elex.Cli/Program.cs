using System.CommandLine;
using Elex.Cli;
using Elex.Core.Catalog;

StartupTimings.Start();
return await ElexCli.RunAsync(args, Console.In, Console.Out, Console.Error);

namespace Elex.Cli
{
    /// <summary>The elex command line; streams are parameters so tests can drive it in-process.</summary>
    internal static class ElexCli
    {
        public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
        {
            var catalog = new Option<string?>("--catalog") { Description = "Catalog file in elex-catalog/1 format (default: the embedded sample).", Recursive = true };
            var safeZones = new Option<string?>("--safe-zones") { Description = "Safe-zone file in elex-safe-zones/1 format; its zones override and extend the built-in defaults.", Recursive = true };
            var data = new Option<string?>("--data") { Description = "Data directory of the embedded store (default: $ELEX_DATA_DIR, else ~/.local/share/elex).", Recursive = true };
            var root = new RootCommand("elex — ask a swarm of Ericsson RAN feature agents.")
            {
                catalog,
                data,
                safeZones,
                AskCommand.Create(catalog, data, safeZones, input, output, error),
                Chat.ChatCommand.Create(catalog, data, safeZones, input, output, error),
                CatalogCommand.Create(catalog, output),
                StatsCommand.Create(catalog, data, output, error),
                FeedbackCommand.Create(catalog, data, output, error),
                TelemetryCommand.Create(catalog, data, safeZones, input, output, error),
                SafeZonesCommand.Create(safeZones, output),
                SyncCommand.Create(catalog, data, output, error),
                ModelCommand.Create(output, error),
            };
            var parse = root.Parse(args);
            StartupTimings.Mark("parse");
            if (UsageErrors.Describe(parse) is { Count: > 0 } usage)
            {
                foreach (var line in usage) error.WriteLine(line);
                return ExitCodes.Usage;
            }
            try
            {
                var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
                StartupTimings.Report(error);
                return exit;
            }
            catch (CatalogException e)
            {
                error.WriteLine($"elex: {e.Message}");
                return ExitCodes.CatalogUnusable;
            }
            catch (Elex.Core.Safety.SafeZoneException e)
            {
                error.WriteLine($"elex: {e.Message}");
                return ExitCodes.SafeZonesUnusable;
            }
            catch (Exception e) when (e is Elex.Storage.StoreException or IOException)
            {
                error.WriteLine($"elex: {e.Message}");
                return ExitCodes.StoreUnusable;
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"elex: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never a stack trace for the user: one line saying what failed.
                error.WriteLine($"elex: {e.GetType().Name}: {e.Message}");
                return ExitCodes.QueryFailed;
            }
        }
    }
}
