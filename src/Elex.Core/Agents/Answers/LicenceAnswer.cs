using System.Text.RegularExpressions;
using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// "What is the licence key for Carrier Aggregation?", "is MSM licensed on this node?": the feature's
/// licence and feature-state key, how to read whether it is installed and switched on, and the keys of
/// the features it needs — not the whole activation procedure, which asking to switch it still gives.
/// </summary>
internal static partial class LicenceAnswer
{
    /// <summary>
    /// True when the question asks about the feature's licence without asking to switch it on or off, or
    /// for a summary of the feature ("what is X, and is it licensed?" gets the summary, which names the key).
    /// </summary>
    public static bool IsAsked(AnswerContext context) =>
        Licence().IsMatch(context.Text) && !AnswerCues.AsksToSwitch(context.Text) && !context.WantsDeactivation && !Summary().IsMatch(context.Text);

    public static AgentAnswer Compose(FeatureCatalog catalog, Feature f, AnswerContext context)
    {
        var a = new AnswerBuilder();
        var node = context.Target.Node;
        var on = node is null ? "" : $" on {node}";
        if (f.Cxc is null)
        {
            a.Line($"{DisplayNames.Of(f)} has no licence or feature-state key in the catalog: it is not switched by a FeatureState, but configured through its parameters, so there is no licence of its own to check{on}.");
        }
        else
        {
            a.Line($"{DisplayNames.Of(f)} is licensed and switched by the key {f.Cxc}. Read FeatureState={f.Cxc}{on}: licenseState ENABLED means the licence is installed, featureState ACTIVATED that the feature is switched on, serviceState OPERABLE that it is in service.");
            a.Command(Cmedit.GetFeatureState(f, node));
            a.Evidence($"cxc {f.Cxc}");
        }
        var prerequisites = CatalogEdges.Of(catalog).PlanOf(f).PrerequisitesInOrder;
        if (prerequisites.Count == 0) a.Line("It needs no other feature active.");
        else
        {
            a.Text.Append("It works only with these features active, each with its own key: ")
                .AppendList(prerequisites.Select(p => p.Cxc is null ? $"{DisplayNames.Of(p)} (no key in the catalog)" : $"{DisplayNames.Of(p)} ({p.Cxc})").ToList(), context.ShowAll);
            a.Line(".");
            foreach (var p in prerequisites)
            {
                a.Evidence($"requires {p.Code}");
                if (p.Cxc is not null) a.Command(Cmedit.GetFeatureState(p, node));
            }
        }
        if (f.Cxc is not null) a.Line($"To switch it on or off, ask for its activation or deactivation: that procedure checks these keys first.");
        if (f.Cxc is not null && node is null) a.Warning(Cmedit.NoNodeWarning);
        return a.Build();
    }

    [GeneratedRegex(@"\blicen[cs]\w*\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Licence();

    [GeneratedRegex(@"\b(what\s+(is|are)\s+(?!the\s+licen)|what's\s+(?!the\s+licen)|overview|explain|describe|tell me about)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Summary();
}
