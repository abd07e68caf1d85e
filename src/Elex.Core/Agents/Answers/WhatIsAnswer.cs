using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>What-is: one paragraph — what the catalog says the feature is, its RAT, domain and licence key — then key parameters, prerequisites and neighbours.</summary>
internal static class WhatIsAnswer
{
    private const int KeyParameters = 6;

    public static AgentAnswer Compose(FeatureCatalog catalog, Feature f, AnswerContext context)
    {
        var a = new AnswerBuilder();
        var facts = FeatureFacts.Of(f);
        var edges = CatalogEdges.Of(catalog);
        a.Evidence($"feature {f.Code} {f.Name}");
        RouteDoubt.Lead(a, f, context, "summary");
        var t = a.Text;
        t.Append(DisplayNames.Of(f)).Append(" is ").Append(facts.Rat == Routing.Glosses.Rat.Any ? "a " : "an ").Append(facts.RatText)
            .Append(" feature");
        if (facts.Rat == Routing.Glosses.Rat.Any) t.Append(" (no LTE- or NR-specific managed object in the catalog)");
        if (f.Domain.Length > 0) t.Append(" in the ").Append(f.Domain).Append(" domain");
        t.Append(". ");
        if (f.Cxc is null) t.Append("It has no licence or feature-state key in the catalog: it is configured through its parameters. ");
        else
        {
            t.Append("Licence and feature-state key ").Append(f.Cxc).Append(" (FeatureState=").Append(f.Cxc).Append("). ");
            a.Evidence($"cxc {f.Cxc}");
            // Whether it is licensed and on is the first thing to know on a node: a read is always safe.
            a.Command(Cmedit.GetFeatureState(f, context.Target.Node));
        }
        var introduced = facts.Introduced;
        if (introduced.Count > 0)
        {
            t.Append("It introduces ").Append(introduced.Count).Append(" parameter").Append(introduced.Count == 1 ? "" : "s").Append(" — key ones: ");
            var shown = introduced.Take(context.ShowAll ? introduced.Count : KeyParameters).Select(p => p.QualifiedName).ToList();
            t.AppendList(shown, all: true);
            if (shown.Count < introduced.Count) t.Append(" (").Append(shown.Count).Append(" of ").Append(introduced.Count).Append(" shown)");
            t.Append(". ");
            foreach (var p in introduced.Take(shown.Count)) a.Evidence(FeatureFacts.Of(f).Evidence(p));
        }
        else t.Append("It introduces no parameters of its own (").Append(f.Parameters.Count).Append(" it affects or references). ");
        if (f.Counters.Count > 0) t.Append("Its effect shows in ").Append(f.Counters.Count).Append(" PM counter").Append(f.Counters.Count == 1 ? "" : "s");
        if (f.Kpis.Count > 0)
        {
            t.Append(f.Counters.Count > 0 ? " and the KPIs " : "It moves the KPIs ").Append(string.Join(", ", f.Kpis));
            foreach (var k in f.Kpis) a.Evidence($"kpi {k}");
        }
        if (f.Counters.Count > 0 || f.Kpis.Count > 0) t.Append('.');
        a.Line();

        var plan = edges.PlanOf(f);
        var conflicts = edges.ConflictsOf(f.Code);
        var hasPrerequisites = plan.PrerequisitesInOrder.Count > 0 || plan.MissingPrerequisites.Count > 0;
        if (hasPrerequisites)
        {
            t.Append("Requires (in activation order): ");
            t.AppendList([.. plan.PrerequisitesInOrder.Select(p => DisplayNames.Of(p)), .. plan.MissingPrerequisites.Select(c => $"{c} (not in this catalog)")], context.ShowAll);
            a.Line(".");
            foreach (var code in f.Requires) a.Evidence($"requires {code}");
        }
        // Dependencies are said even when there are none: silence would leave the engineer to guess.
        else a.Line(conflicts.Count == 0 ? "Requires no other feature, and no feature is declared to conflict with it." : "Requires no other feature.");
        if (conflicts.Count > 0)
        {
            t.Append("Conflicts with: ");
            t.AppendList(conflicts.Select(c => $"{DisplayNames.Of(c)} ({c.Declared(f)})").ToList(), context.ShowAll);
            a.Line(".");
            foreach (var c in conflicts) a.Evidence($"conflicts {c.Code}");
        }
        else if (hasPrerequisites) a.Line("No feature is declared to conflict with it.");
        if (f.Related.Count > 0)
        {
            t.Append("Related: ");
            t.AppendList(f.Related.Select(c => catalog.Find(c)?.DisplayName ?? c.Value).ToList(), context.ShowAll, limit: 6);
            a.Line(".");
        }
        a.Line("The catalog holds no description of its behaviour, nor parameter ranges, defaults or units.");
        return a.Build();
    }
}
