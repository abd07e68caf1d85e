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
        var focus = new QuestionFocus(context, facts);
        var plan = CatalogEdges.Of(catalog).PlanOf(f);
        var step = 1;
        RouteDoubt.Lead(a, f, context, "checklist");
        a.Text.Append($"Checklist for {DisplayNames.Of(f)}, most likely cause first:").Append('\n');
        if (f.Cxc is not null)
        {
            a.Text.Append($"{step++}. Feature state and licence: FeatureState={f.Cxc} must be ACTIVATED, licenseState ENABLED, serviceState OPERABLE.").Append('\n');
            a.Command(Cmedit.GetFeatureState(f, node));
            a.Evidence($"cxc {f.Cxc}");
        }
        else a.Text.Append($"{step++}. {f.Name} has no feature-state key in the catalog: check that its parameters are configured.").Append('\n');
        foreach (var p in plan.PrerequisitesInOrder)
        {
            a.Text.Append($"{step++}. Prerequisite {DisplayNames.Of(p)} must be active{(p.Cxc is null ? "" : $" (FeatureState={p.Cxc})")}.").Append('\n');
            a.Evidence($"requires {p.Code}");
            if (p.Cxc is not null) a.Command(Cmedit.GetFeatureState(p, node));
        }
        foreach (var code in plan.MissingPrerequisites)
        {
            a.Text.Append($"{step++}. Prerequisite {code} must be active (not described in this catalog).").Append('\n');
            a.Evidence($"requires {code}");
        }
        foreach (var c in CatalogEdges.Of(catalog).ConflictsOf(f.Code))
        {
            a.Text.Append($"{step++}. Conflicting {DisplayNames.Of(c)} must not be active ({c.Declared(f)}).").Append('\n');
            a.Evidence($"conflicts {c.Code}");
            if (c.Feature?.Cxc is not null) a.Command(Cmedit.GetFeatureState(c.Feature, node));
        }
        var review = Ranked(f.Parameters, facts.ParameterTerms, focus, i => f.Parameters[i].Role is ParameterRole.Introduced or ParameterRole.Affecting && !context.IsOtherRat(facts.ParameterRats[i]));
        if (review.Count > 0)
        {
            a.Text.Append(step++).Append(". Review the parameters: ").AppendList(review, static p => p.QualifiedName, context.ShowAll).Append(".\n");
            var shown = AnswerList.Shown(review.Count, context.ShowAll);
            for (var i = 0; i < shown; i++) a.Evidence(facts.Evidence(review[i]));
        }
        var counters = Ranked(f.Counters, facts.CounterTerms, focus, i => !context.IsOtherRat(facts.CounterRats[i]));
        if (counters.Count > 0)
        {
            a.Text.Append(step++).Append(". Read the counters: ").AppendList(counters, static c => c.QualifiedName, context.ShowAll).Append(".\n");
            var shown = AnswerList.Shown(counters.Count, context.ShowAll);
            for (var i = 0; i < shown; i++) a.Evidence(facts.Evidence(counters[i]));
        }
        if (f.Kpis.Count > 0) a.Text.Append($"{step}. KPIs to compare with a period when it worked: {string.Join(", ", f.Kpis)}.").Append('\n');
        a.Line("The catalog gives no target values: compare with a period, or a cell, where it works.");
        return a.Build();
    }

    // The kept items the question describes first, the rest in catalog order.
    private static List<T> Ranked<T>(IReadOnlyList<T> items, string[][] terms, QuestionFocus focus, Func<int, bool> keep)
    {
        var kept = new List<(T Item, int Score, int Index)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (keep(i)) kept.Add((items[i], focus.IsSpecific ? focus.Score(terms[i]) : 0, i));
        }
        if (focus.IsSpecific) kept.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Index.CompareTo(y.Index));
        return kept.ConvertAll(k => k.Item);
    }
}
