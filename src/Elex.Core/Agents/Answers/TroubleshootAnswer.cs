using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// Troubleshooting: a ranked checklist — feature state and licence, prerequisites active (in
/// dependency order), conflicting features inactive (declared on either side), parameters to
/// review (the ones the question describes first), counters to read.
/// </summary>
internal static class TroubleshootAnswer
{
    public static AgentAnswer Compose(FeatureCatalog catalog, Feature f, AnswerContext context)
    {
        var a = new AnswerBuilder();
        var node = context.Target.Node;
        var facts = FeatureFacts.Of(f);
        var focus = new QuestionFocus(context.Text, facts);
        var plan = ActivationPlanner.Plan(catalog, f);
        var step = 1;
        a.Line($"Checklist for {f.DisplayName}, most likely cause first:");
        if (f.Cxc is not null)
        {
            a.Line($"{step++}. Feature state and licence: FeatureState={f.Cxc} must be ACTIVATED, licenseState ENABLED, serviceState OPERABLE.");
            a.Command(Cmedit.GetFeatureState(f, node));
            a.Evidence($"cxc {f.Cxc}");
        }
        else a.Line($"{step++}. {f.Name} has no feature-state key in the catalog: check that its parameters are configured.");
        foreach (var p in plan.PrerequisitesInOrder)
        {
            a.Line($"{step++}. Prerequisite {p.DisplayName} must be active{(p.Cxc is null ? "" : $" (FeatureState={p.Cxc})")}.");
            a.Evidence($"requires {p.Code}");
            if (p.Cxc is not null) a.Command(Cmedit.GetFeatureState(p, node));
        }
        foreach (var code in plan.MissingPrerequisites)
        {
            a.Line($"{step++}. Prerequisite {code} must be active (not described in this catalog).");
            a.Evidence($"requires {code}");
        }
        foreach (var c in CatalogEdges.Of(catalog).ConflictsOf(f.Code))
        {
            a.Line($"{step++}. Conflicting {c.DisplayName} must not be active ({c.Declared(f)}).");
            a.Evidence($"conflicts {c.Code}");
            if (c.Feature?.Cxc is not null) a.Command(Cmedit.GetFeatureState(c.Feature, node));
        }
        var review = f.Parameters.Where(p => p.Role is ParameterRole.Introduced or ParameterRole.Affecting && !context.IsOtherRat(p.Mo)).ToList();
        if (review.Count > 0)
        {
            var order = Ranked(review, i => facts.ParameterTerms[f.Parameters.IndexOfReference(review[i])], focus);
            a.Text.Append(step++).Append(". Review the parameters: ").AppendList(order.Select(p => p.QualifiedName).ToList(), context.ShowAll);
            a.Line(".");
            foreach (var p in order.Take(AnswerList.Shown(order.Count, context.ShowAll))) a.Evidence($"parameter {p.QualifiedName} ({p.Role})");
        }
        var counters = f.Counters.Where(c => !context.IsOtherRat(c.Mo)).ToList();
        if (counters.Count > 0)
        {
            var order = Ranked(counters, i => facts.CounterTerms[f.Counters.IndexOfReference(counters[i])], focus);
            a.Text.Append(step++).Append(". Read the counters: ").AppendList(order.Select(c => c.QualifiedName).ToList(), context.ShowAll);
            a.Line(".");
            foreach (var c in order.Take(AnswerList.Shown(order.Count, context.ShowAll))) a.Evidence($"counter {c.QualifiedName}");
        }
        if (f.Kpis.Count > 0) a.Line($"{step}. KPIs to compare with a period when it worked: {string.Join(", ", f.Kpis)}.");
        return a.Build();
    }

    // The items the question describes first, the rest in catalog order.
    private static List<T> Ranked<T>(List<T> items, Func<int, string[]> terms, QuestionFocus focus)
    {
        if (!focus.IsSpecific) return items;
        var scored = new List<(T Item, int Score, int Index)>(items.Count);
        for (var i = 0; i < items.Count; i++) scored.Add((items[i], focus.Score(terms(i)), i));
        scored.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Index.CompareTo(y.Index));
        return scored.ConvertAll(s => s.Item);
    }
}
