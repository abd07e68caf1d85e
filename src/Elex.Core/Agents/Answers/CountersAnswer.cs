using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// Counters and KPIs: the counters that match what was asked first, then all by managed object,
/// the KPIs the feature moves and the trace events for deeper tracing. A KPI question leads with the KPIs.
/// </summary>
internal static class CountersAnswer
{
    public static AgentAnswer Compose(Feature f, AnswerContext context, bool kpiFirst)
    {
        var a = new AnswerBuilder();
        var facts = FeatureFacts.Of(f);
        var t = a.Text;
        if (kpiFirst) Kpis(a, f, facts, lead: true);

        var matching = Matching(f, facts, context, out var named);
        if (matching.Count > 0)
        {
            t.Append(named ? "Named in the question: " : "Matching what you asked: ").AppendList(matching, static c => c.QualifiedName, context.ShowAll).Append(".\n");
            var shown = AnswerList.Shown(matching.Count, context.ShowAll);
            for (var i = 0; i < shown; i++) a.Evidence(facts.Evidence(matching[i]));
        }

        if (f.Counters.Count == 0) t.Append("The catalog lists no PM counters for ").Append(DisplayNames.Of(f)).Append(".\n");
        else
        {
            var kept = 0;
            foreach (var g in facts.CounterGroups) if (!context.IsOtherRat(g.Rat)) kept++;
            t.Append("PM counters of ").Append(DisplayNames.Of(f)).Append(": ").Append(f.Counters.Count).Append(" on ").Append(kept)
                .Append(kept == 1 ? " managed object class:\n" : " managed object classes:\n");
            var leftOut = 0;
            foreach (var g in facts.CounterGroups)
            {
                if (context.IsOtherRat(g.Rat))
                {
                    leftOut += g.Counters.Length;
                    continue;
                }
                t.Append("  ").Append(g.Mo).Append(": ").AppendList(g.Names, context.ShowAll).Append('\n');
                var shown = AnswerList.Shown(g.Counters.Length, context.ShowAll);
                for (var i = 0; i < shown; i++) a.Evidence(facts.Evidence(g.Counters[i]));
            }
            if (leftOut > 0)
                t.Append('(').Append(leftOut).Append(" counter(s) on ").Append(ParametersAnswer.Other(context)).Append(" managed objects left out: the question is about ").Append(ParametersAnswer.Named(context)).Append(".)\n");
            t.Append("Read them per ROP (15 minutes) before and after a change and compare; their units and formulas are not in the catalog.\n");
        }
        if (!kpiFirst) Kpis(a, f, facts, lead: false);
        if (f.Events.Count > 0) t.Append("Trace events for deeper tracing: ").AppendList(f.Events, context.ShowAll, limit: 6).Append(".\n");
        return a.Build();
    }

    private static List<FeatureCounter> Matching(Feature f, FeatureFacts facts, AnswerContext context, out bool named)
    {
        var matching = new List<FeatureCounter>();
        var keys = context.LookupKeys;
        for (var i = 0; i < facts.CounterKeys.Length; i++) if (keys.Contains(facts.CounterKeys[i])) matching.Add(f.Counters[i]);
        named = matching.Count > 0;
        if (named) return matching;
        foreach (var i in new QuestionFocus(context, facts).Matching(facts.CounterTerms))
        {
            if (!context.IsOtherRat(f.Counters[i].Mo)) matching.Add(f.Counters[i]);
        }
        return matching;
    }

    private static void Kpis(AnswerBuilder a, Feature f, FeatureFacts facts, bool lead)
    {
        if (f.Kpis.Count == 0)
        {
            if (lead) a.Text.Append("The catalog lists no KPIs for ").Append(DisplayNames.Of(f)).Append("; its counters are the evidence.\n");
            return;
        }
        a.Text.Append("KPIs ").Append(f.Name).Append(" affects: ").AppendList(f.Kpis, all: true).Append(".\n");
        foreach (var k in facts.KpiEvidence) a.Evidence(k);
    }
}
