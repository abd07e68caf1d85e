using System.Text.RegularExpressions;
using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// "Does MSM conflict with anything?", "what does IFLB depend on?", "which features need ANR?": the
/// feature's dependencies in the order an engineer checks them before touching a node — what must not
/// run with it (and on which side the catalog declares it), what it needs first, what stops working
/// without it — each stated even when empty, then the features that share its parameters (an
/// interaction the catalog does not declare as an edge), with reads of each named feature's state.
/// </summary>
internal static partial class DependenciesAnswer
{
    private const int SharersShown = 4;

    /// <summary>True when the question asks about the feature's dependencies without asking to switch it on or off.</summary>
    public static bool IsAsked(AnswerContext context) =>
        Dependency().IsMatch(context.Text) && !AnswerCues.AsksToSwitch(context.Text) && !context.WantsDeactivation;

    public static AgentAnswer Compose(FeatureCatalog catalog, Feature f, AnswerContext context)
    {
        var a = new AnswerBuilder();
        var edges = CatalogEdges.Of(catalog);
        var plan = edges.PlanOf(f);
        var node = context.Target.Node;
        var readable = new List<Feature>();
        a.Evidence($"feature {f.Code} {f.Name}");
        RouteDoubt.Lead(a, f, context, "dependencies");
        a.Line($"Dependencies of {DisplayNames.Of(f)}, as the catalog declares them:");

        var conflicts = edges.ConflictsOf(f.Code);
        if (conflicts.Count == 0) a.Line("- Conflicts: none — no feature is declared to conflict with it, on either side.");
        else
        {
            a.Text.Append("- Conflicts: must not be active together with ")
                .AppendList(conflicts, c => $"{DisplayNames.Of(c)} ({c.Declared(f)})", context.ShowAll);
            a.Line(".");
            foreach (var c in conflicts)
            {
                a.Evidence($"conflicts {c.Code}");
                if (c.Feature is { } other) readable.Add(other);
            }
        }

        if (plan.PrerequisitesInOrder.Count == 0 && plan.MissingPrerequisites.Count == 0)
            a.Line("- Needs: no other feature — it works without any other feature active.");
        else
        {
            a.Text.Append("- Needs, active first (in activation order): ")
                .AppendList([.. plan.PrerequisitesInOrder.Select(p => DisplayNames.Of(p)), .. plan.MissingPrerequisites.Select(c => $"{c} (not in this catalog)")], context.ShowAll);
            a.Line(".");
            foreach (var code in f.Requires) a.Evidence($"requires {code}");
            readable.AddRange(plan.PrerequisitesInOrder);
        }

        var dependants = edges.RequiredBy(f.Code);
        if (dependants.Count == 0) a.Line("- Needed by: no feature lists it as a prerequisite, so switching it off leaves no other feature without one.");
        else
        {
            a.Text.Append("- Needed by (these stop working without it): ").AppendList(dependants, d => DisplayNames.Of(d), context.ShowAll);
            a.Line(".");
            foreach (var d in dependants) a.Evidence($"required by {d.Code}");
        }

        var sharers = FactOwners.SharingIntroducedParameters(catalog, f);
        if (sharers.Count > 0)
        {
            a.Text.Append("- Not declared as edges, but they set parameters it introduces (tuning one changes the other): ")
                .AppendList(sharers, s => $"{DisplayNames.Of(s.Feature)} ({s.Shared} parameter{(s.Shared == 1 ? "" : "s")})", context.ShowAll, SharersShown);
            a.Line(".");
        }
        if (f.Related.Count > 0)
        {
            a.Text.Append("- Related: ").AppendList(f.Related.Select(c => catalog.Find(c)?.DisplayName ?? c.Value).ToList(), context.ShowAll, limit: 6);
            a.Line(".");
        }

        // Whether a conflicting feature or a prerequisite is active is what decides on a node; reads are always safe.
        FeatureStateReads.Append(a, [f, .. readable], node);
        a.Line("The catalog declares these edges only: it holds no behaviour descriptions, so an interaction it does not declare is not ruled out.");
        return a.Build();
    }

    // Conflict, compatibility, dependency words; "need"/"require" only with "feature" near them ("which features need ANR")
    // or as the whole question ("what does IFLB need?"), since "which parameters need changing" asks something else.
    [GeneratedRegex(
        @"\b(conflict\w*|compatib\w*|incompatib\w*|clash\w*|co-?exist\w*|depend\w*|pre-?requisite\w*|mutually exclusive|alongside|interwork\w*|interact\w*|rel(y|ies) on|(needed|required) by)\b" +
        @"|\b(needs?|requires?)\b[^.?!]{0,40}\bfeatures?\b|\bfeatures?\b[^.?!]{0,40}\b(needs?|requires?|needed|required)\b" +
        @"|^\s*what\s+(else\s+)?(does|do)\s+[^?]{1,60}\s+(need|require)\s*\??\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dependency();
}
