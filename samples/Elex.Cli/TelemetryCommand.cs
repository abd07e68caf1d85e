using System.CommandLine;
using Elex.Core.Queries;
using Elex.Streams;

namespace Elex.Cli;

/// <summary>
/// <c>elex telemetry --export json</c>: runs the questions read from standard input (JSONL, as for
/// <c>ask --jsonl</c>, or plain text one per line) and prints the telemetry they produced — the
/// retained metrics and the live latency window — as one JSON document.
/// </summary>
internal static class TelemetryCommand
{
    public static Command Create(Option<string?> catalogOption, Option<string?> dataOption, Option<string?> safeZonesOption, TextReader input, TextWriter output, TextWriter error)
    {
        var export = new Option<string>("--export") { Description = "Export format (json).", Required = true };
        var command = new Command("telemetry", "Run questions from standard input and export their telemetry.") { export };
        command.SetAction(async (parse, cancellation) =>
        {
            if (!string.Equals(parse.GetValue(export), "json", StringComparison.OrdinalIgnoreCase))
            {
                error.WriteLine($"elex telemetry: --export '{parse.GetValue(export)}' is not supported; use json.");
                return ExitCodes.Usage;
            }
            var catalog = CatalogSource.Load(parse.GetValue(catalogOption));
            await using var host = await SwarmHost.StartAsync(catalog, new SwarmConfig { MetricRetention = 1_000_000, SafeZones = SafeZoneSource.Load(parse.GetValue(safeZonesOption)) }, parse.GetValue(dataOption), error, cancellation);
            var skipped = 0;
            while (await input.ReadLineAsync(cancellation) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var query = line.TrimStart().StartsWith('{') ? JsonlRequest.Parse(line).Query
                    : QuestionLength.Problem(line) is null ? new Query(line.Trim()) : null;
                if (query is null)
                {
                    skipped++;
                    continue;
                }
                await host.Swarm.QueryAsync(query, cancellation);
            }
            using var buffer = new MemoryStream();
            host.Swarm.Telemetry.ExportJson(buffer);
            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            var stats = host.Swarm.GetSwarmStats();
            error.WriteLine($"elex telemetry: {stats.TotalQueries} queries, P50 {stats.Latency.P50Us:0} µs, P95 {stats.Latency.P95Us:0} µs, P99 {stats.Latency.P99Us:0} µs, success {stats.SuccessRate:P0}{(skipped > 0 ? $", {skipped} malformed or too long line(s) skipped" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
