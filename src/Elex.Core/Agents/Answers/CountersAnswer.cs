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
        if (kpiFirst) Kpis(a, f, lead: true);

        var focus = new QuestionFocus(context.Text, facts);
        var named = f.Counters.Where(c => context.Text.Contains(c.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        var matching = named.Count > 0 ? named : focus.Matching(facts.CounterTerms).Select(i => f.Counters[i]).Where(c => !context.IsOtherRat(c.Mo)).ToList();
        if (matching.Count > 0)
        {
            a.Text.Append(named.Count > 0 ? "Named in the question: " : "Matching what you asked: ")
                .AppendList(matching.Select(c => c.QualifiedName).ToList(), context.ShowAll);
            a.Line(".");
            foreach (var c in matching.Take(AnswerList.Shown(matching.Count, context.ShowAll))) a.Evidence($"counter {c.QualifiedName}");
        }

        if (f.Counters.Count == 0) a.Line($"The catalog lists no PM counters for {f.DisplayName}.");
        else
        {
            var kept = f.Counters.Where(c => !context.IsOtherRat(c.Mo)).ToList();
            var groups = kept.GroupBy(c => c.Mo).ToList();
            a.Line($"PM counters of {f.DisplayName}: {f.Counters.Count} on {groups.Count} managed object class{(groups.Count == 1 ? "" : "es")}:");
            foreach (var group in groups)
            {
                var names = group.Select(c => c.Name).ToList();
                a.Text.Append("  ").Append(group.Key).Append(": ").AppendList(names, context.ShowAll);
                a.Line();
                foreach (var c in group.Take(AnswerList.Shown(names.Count, context.ShowAll))) a.Evidence($"counter {c.QualifiedName}");
            }
            if (kept.Count < f.Counters.Count)
                a.Line($"({f.Counters.Count - kept.Count} counter(s) on {ParametersAnswer.Other(context)} managed objects left out: the question is about {ParametersAnswer.Named(context)}.)");
            a.Line("Read them per ROP (15 minutes) before and after a change and compare.");
        }
        if (!kpiFirst) Kpis(a, f, lead: false);
        if (f.Events.Count > 0)
        {
            a.Text.Append("Trace events for deeper tracing: ").AppendList(f.Events, context.ShowAll, limit: 6);
            a.Line(".");
        }
        return a.Build();
    }

    private static void Kpis(AnswerBuilder a, Feature f, bool lead)
    {
        if (f.Kpis.Count == 0)
        {
            if (lead) a.Line($"The catalog lists no KPIs for {f.DisplayName}; its counters are the evidence.");
            return;
        }
        a.Line($"KPIs {f.Name} affects: {string.Join(", ", f.Kpis)}.");
        foreach (var k in f.Kpis) a.Evidence($"kpi {k}");
    }
}
