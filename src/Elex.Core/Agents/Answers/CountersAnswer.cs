using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// Counters and KPIs: the counters that match what was asked first, then all by managed object,
/// the KPIs the feature moves and the trace events for deeper tracing. A KPI question leads with the KPIs;
/// one that asks for a KPI family ("retainability") is told whether the feature has such a KPI, which of its
/// counters measure it, and which features do have one.
/// </summary>
internal static class CountersAnswer
{
    public static AgentAnswer Compose(FeatureCatalog catalog, Feature f, AnswerContext context, bool kpiFirst)
    {
        var a = new AnswerBuilder();
        var facts = FeatureFacts.Of(f);
        var t = a.Text;
        var families = KpiFamily.AskedIn(context);
        if (kpiFirst)
        {
            if (families.Count > 0) FamilyKpis(a, catalog, f, facts, families, context);
            else Kpis(a, f, facts, lead: true);
        }

        var matching = Matching(f, facts, context, families, out var how);
        if (matching.Count > 0)
        {
            if (how == Match.Family) t.Append("Its counters that measure ").Append(Names(families)).Append(": ");
            else t.Append(how == Match.Named ? "Named in the question: " : "Matching what you asked: ");
            t.AppendList(matching, static c => c.QualifiedName, context.ShowAll);
            if (how == Match.Family && AsksAboutVoice(context) && matching.Exists(static c => c.Name.EndsWith("Qci", StringComparison.Ordinal)))
                t.Append(" (the …Qci counters count per QCI: VoLTE speech is QCI 1)");
            t.Append(".\n");
            if (how == Match.Named) SharedCounters(a, catalog, f, matching);
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
        else if (families.Count > 0) foreach (var k in facts.KpiEvidence) a.Evidence(k);
        if (f.Events.Count > 0) t.Append("Trace events for deeper tracing: ").AppendList(f.Events, context.ShowAll, limit: 6).Append(".\n");
        return a.Build();
    }

    // A counter the question names that other features list too: each name once, whatever MOs it is on.
    private static void SharedCounters(AnswerBuilder a, FeatureCatalog catalog, Feature f, List<FeatureCounter> named)
    {
        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in named)
            if (said.Add(c.Name) && FactOwners.CounterAlsoOf(catalog, f, c) is { } also) a.Line(also);
    }

    // A route this sure came from the question naming the feature.
    private const float NamedFeatureConfidence = 0.9f;

    private enum Match { Named, Focus, Family }

    private static List<FeatureCounter> Matching(Feature f, FeatureFacts facts, AnswerContext context, List<KpiFamily> families, out Match how)
    {
        var matching = new List<FeatureCounter>();
        var keys = context.LookupKeys;
        for (var i = 0; i < facts.CounterKeys.Length; i++) if (keys.Contains(facts.CounterKeys[i])) matching.Add(f.Counters[i]);
        how = Match.Named;
        if (matching.Count > 0) return matching;
        how = Match.Focus;
        foreach (var i in new QuestionFocus(context, facts).Matching(facts.CounterTerms))
        {
            if (!context.IsOtherRat(f.Counters[i].Mo)) matching.Add(f.Counters[i]);
        }
        if (matching.Count > 0 || families.Count == 0) return matching;
        how = Match.Family;
        foreach (var c in f.Counters)
        {
            if (context.IsOtherRat(c.Mo)) continue;
            foreach (var family in families)
            {
                if (!family.Measures(c)) continue;
                matching.Add(c);
                break;
            }
        }
        return matching;
    }

    // "Is there a retainability KPI": yes with the feature's own, or no, with the features that have one.
    private static void FamilyKpis(AnswerBuilder a, FeatureCatalog catalog, Feature f, FeatureFacts facts, List<KpiFamily> families, AnswerContext context)
    {
        var t = a.Text;
        foreach (var family in families)
        {
            var own = new List<string>();
            foreach (var k in f.Kpis) if (family.Names(k)) own.Add(k);
            if (own.Count > 0)
            {
                t.Append("Yes: ").Append(f.Name).Append(" lists ").Append(family.Name).Append(own.Count == 1 ? " KPI " : " KPIs ").AppendList(own, all: true).Append(".\n");
                continue;
            }
            t.Append("No: ").Append(DisplayNames.Of(f)).Append(" lists no ").Append(family.Name).Append(" KPI");
            if (f.Kpis.Count > 0) t.Append(" (the KPIs it affects: ").AppendList(f.Kpis, all: true).Append(')');
            t.Append(".\n");
            // Where the question named this feature and its own counters measure the family, they are the answer;
            // otherwise the engineer may be asking the wrong feature: say which ones have such a KPI.
            if (context.RouteConfidence >= NamedFeatureConfidence && family.MeasuredBy(f)) continue;
            var elsewhere = family.FeaturesWithKpi(catalog, f);
            if (elsewhere.Count == 0) t.Append("No feature in the catalog lists ").Append(Article(family.Name)).Append(family.Name).Append(" KPI.\n");
            else t.Append("Features that list ").Append(Article(family.Name)).Append(family.Name).Append(" KPI: ").AppendList(elsewhere, DisplayNames.Of, context.ShowAll, limit: 6).Append(".\n");
        }
    }

    private static string Names(List<KpiFamily> families) =>
        families.Count == 1 ? families[0].Name : string.Join(" or ", families.ConvertAll(static f => f.Name));

    private static bool AsksAboutVoice(AnswerContext context) =>
        context.Text.Contains("volte", StringComparison.OrdinalIgnoreCase) || context.Text.Contains("voice", StringComparison.OrdinalIgnoreCase);

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an " : "a ";

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
