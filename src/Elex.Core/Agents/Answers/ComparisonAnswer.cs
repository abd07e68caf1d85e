using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// Two or more features side by side — purpose (domain), RAT, licence key, prerequisites,
/// conflicts, parameters, counters, KPIs — then what the catalog says about them together.
/// </summary>
internal static class ComparisonAnswer
{
    private const int CellItems = 3;

    public static AgentAnswer Compose(FeatureCatalog catalog, IReadOnlyList<Feature> features, AnswerContext context)
    {
        var a = new AnswerBuilder();
        var edges = CatalogEdges.Of(catalog);
        // "Can X and Y run together?" wants the yes or no first; "how do X and Y differ?" the table, whatever else it says.
        var compatibility = AnswerCues.AsksCompatibility(context.Text) && !ComparedFeatures.AsksForDifference(context.Text);
        var (together, blocked) = Together(edges, features, compatibility);
        if (compatibility)
        {
            // "Can I run X and Y together?" is a yes or no: it leads, with what to read on the node to check it.
            a.Line(blocked
                ? $"No: the catalog says {Listed(features)} cannot {(features.Count == 2 ? "" : "all ")}be active together."
                : $"Nothing in the catalog stops {Listed(features)} being active together: no conflict is declared between them, directly or through a prerequisite.");
            foreach (var line in together) a.Line(line);
            FeatureStateReads.Append(a, features, context.Target.Node);
            a.Line();
        }
        a.Text.Append($"{string.Join(" vs ", features.Select(f => DisplayNames.Of(f)))}:").Append('\n');
        a.Line();
        Row(a, "", features.Select(Short));
        Row(a, "---", features.Select(_ => "---"));
        Row(a, "Domain", features.Select(f => f.Domain.Length > 0 ? f.Domain : "not in the catalog"));
        Row(a, "RAT", features.Select(f => FeatureFacts.Of(f).RatText));
        Row(a, "Licence key", features.Select(f => f.Cxc ?? "none (configured by parameters)"));
        Row(a, "Prerequisites", features.Select(f => Names(catalog, f.Requires)));
        Row(a, "Conflicts", features.Select(f => Names(edges.ConflictsOf(f.Code).Select(c => c.Feature is { } x ? Short(x) : c.Code.Value).ToList())));
        Row(a, "Parameters", features.Select(f => Counted(FeatureFacts.Of(f).Introduced.Select(p => p.Name).ToList(), f.Parameters.Count, "introduced")));
        Row(a, "Counters", features.Select(f => Counted(f.Counters.Select(c => c.Name).Distinct().ToList(), f.Counters.Count, null)));
        Row(a, "KPIs", features.Select(f => f.Kpis.Count == 0 ? "none listed" : string.Join(", ", f.Kpis)));
        foreach (var f in features)
        {
            a.Evidence($"feature {f.Code} {f.Name}");
            foreach (var r in f.Requires) a.Evidence($"requires {r}");
            foreach (var c in edges.ConflictsOf(f.Code)) a.Evidence($"conflicts {c.Code}");
        }
        a.Line();
        if (!compatibility) foreach (var line in together) a.Line(line);
        a.Line(compatibility
            ? "The catalog declares these edges only: it holds no behaviour descriptions, so an interaction it does not declare is not ruled out."
            : "The catalog holds no behaviour descriptions: which one fits a network beyond these facts is an engineering judgement.");
        return a.Build();
    }

    // What the catalog says of the features together, a line each, and whether any pair cannot run together.
    private static (List<string> Lines, bool Blocked) Together(CatalogEdges edges, IReadOnlyList<Feature> features, bool compatibility)
    {
        var lines = new List<string>();
        var blocked = false;
        var noConflictLines = 0;
        for (var i = 0; i < features.Count; i++)
        {
            for (var j = i + 1; j < features.Count; j++)
            {
                var (x, y) = (features[i], features[j]);
                // Whether two features may run together is what a comparison is most often asked for: always say.
                if (edges.ConflictsOf(x.Code).FirstOrDefault(c => c.Code == y.Code) is { } conflict)
                {
                    lines.Add($"- {Short(x)} and {Short(y)} must not be active together ({conflict.Declared(x)}).");
                    blocked = true;
                }
                else if (!compatibility)
                {
                    lines.Add($"- The catalog records no direct conflict between {Short(x)} and {Short(y)}.");
                    noConflictLines++;
                }
                blocked |= ConflictThroughPrerequisite(lines, edges, x, y) | ConflictThroughPrerequisite(lines, edges, y, x);
                if (x.Requires.Contains(y.Code)) lines.Add($"- {Short(x)} requires {Short(y)}.");
                if (y.Requires.Contains(x.Code)) lines.Add($"- {Short(y)} requires {Short(x)}.");
                if (x.Related.Contains(y.Code) || y.Related.Contains(x.Code)) lines.Add("- The catalog lists them as related.");
                var sharedParameters = FeatureFacts.Shared(FeatureFacts.Of(x).ParameterNames, FeatureFacts.Of(y).ParameterNames);
                if (sharedParameters > 0) lines.Add($"- They touch {sharedParameters} parameter(s) in common: tuning one can change the other.");
                var sharedCounters = FeatureFacts.Shared(FeatureFacts.Of(x).CounterNames, FeatureFacts.Of(y).CounterNames);
                if (sharedCounters > 0) lines.Add($"- They share {sharedCounters} counter(s): a counter change alone does not tell which one acted.");
                // Alternatives are chosen by RAT; features run together are not.
                var (rx, ry) = (FeatureFacts.Of(x).RatText, FeatureFacts.Of(y).RatText);
                if (rx != ry && !compatibility) lines.Add($"- Which to use follows the RAT: {Short(x)} is {rx}, {Short(y)} is {ry}.");
            }
        }
        if (lines.Count == noConflictLines && !compatibility) lines.Add("- Nor does it record a dependency, a relation or a shared parameter or counter.");
        return (lines, blocked);
    }

    // "Is X compatible with Y?" is also answered by X's prerequisites: X needs P, and P may not run with Y.
    private static bool ConflictThroughPrerequisite(List<string> lines, CatalogEdges edges, Feature x, Feature y)
    {
        var said = false;
        foreach (var p in edges.PlanOf(x).PrerequisitesInOrder)
        {
            if (edges.ConflictsOf(p.Code).FirstOrDefault(c => c.Code == y.Code) is not { } conflict) continue;
            lines.Add($"- {Short(x)} requires {Short(p)}, which must not be active together with {Short(y)} ({conflict.Declared(p)}): {Short(x)} and {Short(y)} cannot run together.");
            said = true;
        }
        return said;
    }

    private static void Row(AnswerBuilder a, string label, IEnumerable<string> cells)
    {
        a.Text.Append("| ").Append(label);
        foreach (var c in cells) a.Text.Append(" | ").Append(c);
        a.Line(" |");
    }

    private static string Listed(IReadOnlyList<Feature> features) =>
        features.Count == 2 ? $"{Short(features[0])} and {Short(features[1])}"
        : string.Join(", ", features.Take(features.Count - 1).Select(Short)) + " and " + Short(features[^1]);

    private static string Short(Feature f) => f.Acronym is { Length: > 0 } acr ? $"{acr} ({f.Code})" : $"{f.Name} ({f.Code})";

    private static string Names(FeatureCatalog catalog, IReadOnlyList<FeatureCode> codes) =>
        Names(codes.Select(c => catalog.Find(c) is { } f ? Short(f) : c.Value).ToList());

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "none" : AnswerList.Join(names, all: false, limit: CellItems * 2);

    // A name on several managed objects ("anrMeasOn") is shown once; the counts stay per managed object.
    private static string Counted(IReadOnlyList<string> names, int total, string? role)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        return total == 0 ? "none" : $"{total}{(role is null ? "" : $" ({names.Count} {role})")}{(distinct.Count > 0 ? ": " + string.Join(", ", distinct.Take(CellItems)) + (distinct.Count > CellItems ? ", …" : "") : "")}";
    }
}
