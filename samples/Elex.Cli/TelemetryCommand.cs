using System.CommandLine;
using Elex.Core.Queries;
using Elex.Core.Telemetry;
using Elex.Streams;

namespace Elex.Cli;

/// <summary>
/// <c>elex telemetry --export json</c>: runs the questions read from standard input (JSONL, as for
/// <c>ask --jsonl</c>, or plain text one per line) and prints the telemetry they produced — the
/// retained metrics and the live latency window — as one JSON document. Feedback lines (as in
/// <c>ask --jsonl</c>) rate the answers before them, so the exported success follows the ratings.
/// </summary>
internal static class TelemetryCommand
{
    public static Command Create(Option<string?> catalogOption, Option<string?> dataOption, Option<string?> safeZonesOption, TextReader input, TextWriter output, TextWriter error)
    {
        var export = new Option<string>("--export") { Description = "Export format (json).", Required = true };
        var command = new Command("telemetry", "Run questions (and feedback) from standard input and export their telemetry.") { export };
        command.SetAction(async (parse, cancellation) =>
        {
            if (!string.Equals(parse.GetValue(export), "json", StringComparison.OrdinalIgnoreCase))
            {
                error.WriteLine($"elex telemetry: --export '{parse.GetValue(export)}' is not supported; use json.");
                return ExitCodes.Usage;
            }
            var source = CatalogSource.Open(parse.GetValue(catalogOption));
            await using var host = await SwarmHost.StartAsync(source, new SwarmConfig { MetricRetention = 1_000_000, SafeZones = SafeZoneSource.Load(parse.GetValue(safeZonesOption)) }, parse.GetValue(dataOption), error, cancellation);
            int skipped = 0, rated = 0;
            while (await input.ReadLineAsync(cancellation) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var request = line.TrimStart().StartsWith('{') ? JsonlRequest.Parse(line)
                    : QuestionLength.Problem(line) is null ? new JsonlRequest(new Query(line.Trim()), null, null) : default;
                if (request.Query is { } query) await host.Swarm.QueryAsync(query, cancellation);
                else if (request.Feedback is { } feedback && (await host.Swarm.FeedbackAsync(feedback, cancellation)).Applied) rated++;
                else skipped++;
            }
            using var buffer = new MemoryStream();
            host.Swarm.Telemetry.ExportJson(buffer);
            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            var stats = host.Swarm.GetSwarmStats();
            error.WriteLine($"elex telemetry: {stats.TotalQueries} queries, P50 {Durations.FromMicroseconds(stats.Latency.P50Us)}, P95 {Durations.FromMicroseconds(stats.Latency.P95Us)}, P99 {Durations.FromMicroseconds(stats.Latency.P99Us)}, success {stats.SuccessRate:P0}"
                + (rated > 0 ? $", {rated} rating(s) applied" : "")
                + (skipped > 0 ? $", {skipped} malformed, too long or unapplied line(s) skipped" : ""));
            return ExitCodes.Ok;
        });
        return command;
    }
}
