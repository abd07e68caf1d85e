using Elex.Core.Catalog;
using Elex.Core.Responses;
using Elex.Core.Telemetry;

namespace Elex.Cli;

/// <summary>The human-readable rendering of a response.</summary>
internal static class ReadableAnswer
{
    /// <summary>
    /// The whole response; with <paramref name="routingWritten"/>, what follows the routing line that
    /// <see cref="WriteRouting"/> already wrote when the routing was decided.
    /// </summary>
    public static void Write(TextWriter o, QueryResponse r, FeatureCatalog catalog, bool routingWritten = false)
    {
        if (!routingWritten) WriteCatalog(o, catalog);
        if (r.Status != ResponseStatus.Answered)
        {
            o.WriteLine(r.Status is ResponseStatus.NoMatch or ResponseStatus.Unsure ? r.Text : $"error: {r.Error}");
            return;
        }
        if (!routingWritten) WriteRoutingLine(o, r.FeatureCode, r.AgentId, catalog);
        o.WriteLine($"confidence {r.Confidence:0.00} · {r.QueryType} / {r.Complexity} · strategy {r.Strategy} · {Durations.FromMicroseconds(r.LatencyUs)}");
        o.WriteLine();
        o.WriteLine(r.Text);
        if (r.Commands.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Proposed commands:");
            foreach (var c in r.Commands)
            {
                var verdict = c.Safety switch
                {
                    SafetyStatus.Safe => "SAFE",
                    SafetyStatus.NeedsApproval => "NEEDS APPROVAL",
                    SafetyStatus.Rejected => "REJECTED — do not run",
                    _ => "PENDING VALIDATION — not runnable yet",
                };
                o.WriteLine($"  [{verdict}] {c.Command}");
                o.WriteLine($"      {c.Purpose}; {c.SafetyReason}");
            }
        }
        foreach (var w in r.Warnings) o.WriteLine($"warning: {w}");
        if (CloseOnes(r, catalog) is { Count: > 0 } close)
        {
            o.WriteLine();
            o.WriteLine("Also close (the question was not a sure match): " + string.Join("; ", close));
        }
        var routing = r.Evidence.Where(e => e.StartsWith("routed by", StringComparison.Ordinal)).ToList();
        if (routing.Count > 0) o.WriteLine("Why this agent: " + string.Join("; ", routing.Select(e => e["routed by ".Length..])));
        o.WriteLine($"Response id {r.ResponseId} — rate it: elex feedback {r.ResponseId} --reward 1 --success");
    }

    // The other candidates are worth a line only when the route was not sure (confidence shown below
    // 0.80) and the answer has not named them itself: after a sure match they are the catalog's
    // runners-up for words the question did not mean, and an Unsure answer lists its own.
    private static List<string> CloseOnes(QueryResponse r, FeatureCatalog catalog)
    {
        if (r.Status != ResponseStatus.Answered || Math.Round(r.Confidence, 2) >= 0.8 || r.Alternatives.Count == 0) return [];
        var names = r.Alternatives.Select(a => catalog.Find(FeatureCode.Parse(a))?.DisplayName ?? a).ToList();
        return r.Text.Contains(names[0], StringComparison.Ordinal) ? [] : names;
    }

    /// <summary>
    /// The lines known once the question is routed, before it is answered: the catalog (when not the
    /// shipped one) and which feature's agent answers. False, writing nothing, when the swarm abstains:
    /// an Unsure or NoMatch answer is its own text.
    /// </summary>
    public static bool WriteRouting(TextWriter o, RoutingDecision routing, FeatureCatalog catalog)
    {
        if (routing.Abstained) return false;
        WriteCatalog(o, catalog);
        WriteRoutingLine(o, routing.FeatureCode, routing.AgentId, catalog);
        return true;
    }

    // Facts come from the catalog in use: say so when it is not the one the tool ships.
    private static void WriteCatalog(TextWriter o, FeatureCatalog catalog)
    {
        if (catalog.Source != EmbeddedCatalog.SourceName) o.WriteLine($"(catalog: {catalog.Source}, {catalog.Count} features)");
    }

    private static void WriteRoutingLine(TextWriter o, string? featureCode, string? agentId, FeatureCatalog catalog)
    {
        var feature = featureCode is { } code ? catalog.Find(FeatureCode.Parse(code)) : null;
        o.WriteLine($"{feature?.DisplayName ?? featureCode} — agent {agentId}");
    }
}
