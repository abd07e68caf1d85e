using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// Activation or deactivation as a method of procedure: pre-checks (licence and state of the
/// feature and of every prerequisite in dependency order, conflicts from both sides, current
/// values, a counter baseline), the change, post-checks after one or more ROPs, and the rollback.
/// </summary>
internal static class ActivationAnswer
{
    private const int ValuesToRead = 8;

    // Below this routing confidence the feature to switch may not be the one meant: the procedure says so first.
    private const float SureOfTheFeature = 0.8f;

    // A procedure switches one feature on a live node: when the question may mean another, that comes first.
    private static void CheckTheFeature(AnswerBuilder a, Feature f, AnswerContext context, bool activate)
    {
        var check = new System.Text.StringBuilder()
            .Append("Check first that ").Append(f.Name).Append(" is the feature you mean to ").Append(activate ? "activate" : "deactivate")
            .Append(": the question matched it with confidence ").Append(context.RouteConfidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        if (context.Alternatives.Count > 0)
            RouteDoubt.AppendAlsoClose(check.Append("; also close: "), context.Alternatives);
        check.Append('.');
        var line = check.ToString();
        a.Line(line);
        a.Warning(line);
    }

    public static AgentAnswer Compose(FeatureCatalog catalog, Feature f, AnswerContext context)
    {
        var a = new AnswerBuilder();
        var activate = !context.WantsDeactivation;
        var node = context.Target.Node;
        var edges = CatalogEdges.Of(catalog);
        var plan = CatalogEdges.Of(catalog).PlanOf(f);
        var step = 1;
        // Compared as shown (two decimals): an answer that says 0.80 is not told it is below 0.8.
        if (MathF.Round(context.RouteConfidence, 2) < SureOfTheFeature) CheckTheFeature(a, f, context, activate);
        if (activate && AnswerCues.AsksWorth(context.Text)) WhetherItPaysOff(a, f, context);
        a.Text.Append($"{(activate ? "Activating" : "Deactivating")} {DisplayNames.Of(f)}{(node is null ? "" : $" on {node}")}:").Append('\n');
        a.Line("Pre-checks");
        if (f.Cxc is not null)
        {
            a.Text.Append($"{step++}. Read the licence and state of {f.Name}: FeatureState={f.Cxc}{(activate ? " (licenseState ENABLED is needed to activate)" : "")}.").Append('\n');
            a.Command(Cmedit.GetFeatureState(f, node));
            a.Evidence($"cxc {f.Cxc}");
        }
        if (activate)
        {
            foreach (var p in plan.PrerequisitesInOrder)
            {
                a.Text.Append($"{step++}. Prerequisite {DisplayNames.Of(p)} must be ACTIVATED{(p.Cxc is null ? " (no feature-state key in the catalog: check its configuration)" : $" — read FeatureState={p.Cxc}; activate it first if it is not")}.").Append('\n');
                a.Evidence($"requires {p.Code}");
                if (p.Cxc is not null)
                {
                    a.Command(Cmedit.GetFeatureState(p, node));
                    a.Command(Cmedit.SetFeatureState(p, true, node));
                }
            }
            foreach (var code in plan.MissingPrerequisites)
            {
                a.Text.Append($"{step++}. Prerequisite {code} must be active (not described in this catalog).").Append('\n');
                a.Evidence($"requires {code}");
                a.Warning($"Prerequisite {code} is not in the loaded catalog; its own prerequisites are unknown.");
            }
            var conflicts = edges.ConflictsOf(f.Code);
            foreach (var c in conflicts)
            {
                a.Text.Append($"{step++}. Conflicting {DisplayNames.Of(c)} must be DEACTIVATED ({c.Declared(f)}).").Append('\n');
                a.Evidence($"conflicts {c.Code}");
                if (c.Feature?.Cxc is not null) a.Command(Cmedit.GetFeatureState(c.Feature, node));
            }
            // "What does it need before I turn it on?": say that nothing else is needed rather than stay silent.
            if (plan.PrerequisitesInOrder.Count == 0 && plan.MissingPrerequisites.Count == 0 && conflicts.Count == 0)
                a.Line($"The catalog lists no prerequisite and no conflicting feature for {f.Name}: no other feature has to be activated or deactivated first.");
        }
        else
        {
            var dependants = edges.RequiredBy(f.Code);
            if (dependants.Count > 0)
            {
                a.Text.Append(step++).Append(". These features require it and stop working without it — deactivate them first or keep it: ")
                    .AppendList(dependants.Select(d => DisplayNames.Of(d)).ToList(), context.ShowAll);
                a.Line(".");
                foreach (var d in dependants) a.Evidence($"required by {d.Code}");
            }
        }
        var introduced = FeatureFacts.Of(f).Introduced.Where(p => !context.IsOtherRat(p.Mo)).ToList();
        if (introduced.Count > 0)
        {
            var read = introduced.Take(context.ShowAll ? introduced.Count : ValuesToRead).ToList();
            a.Text.Append(step++).Append(". Read the current values of the parameters it introduces (for the rollback): ")
                .AppendList(read.Select(p => p.QualifiedName).ToList(), all: true);
            if (read.Count < introduced.Count) a.Text.Append(" (").Append(read.Count).Append(" of ").Append(introduced.Count).Append(" shown)");
            a.Line(".");
            foreach (var p in read)
            {
                a.Command(Cmedit.GetParameter(f, p, context.Target));
                a.Evidence(FeatureFacts.Of(f).Evidence(p));
            }
        }
        var baseline = Baseline(f, context);
        if (baseline.Length > 0) a.Text.Append($"{step++}. Record a baseline of {baseline} over at least one ROP (15 minutes).").Append('\n');

        a.Line("Change");
        if (f.Cxc is null)
        {
            a.Text.Append($"{step++}. {f.Name} has no feature-state key (CXC) in the catalog: it is not switched by FeatureState; configure it through its parameters.").Append('\n');
            a.Warning($"{f.Code} has no CXC key; no feature-state command proposed.");
        }
        else
        {
            a.Text.Append($"{step++}. Set FeatureState={f.Cxc} featureState={(activate ? "ACTIVATED" : "DEACTIVATED")}, then read it back (serviceState should be {(activate ? "OPERABLE" : "INOPERABLE")}).").Append('\n');
            a.Command(Cmedit.SetFeatureState(f, activate, node));
        }
        a.Line("Post-checks");
        a.Line(baseline.Length > 0
            ? $"{step++}. After one or more ROPs compare {baseline} with the baseline."
            : $"{step++}. The catalog lists no counters or KPIs for it: check the behaviour on the network directly.");
        a.Line("Rollback");
        a.Line(f.Cxc is null
            ? $"{step}. Set back the parameter values read before the change."
            : $"{step}. Set FeatureState={f.Cxc} featureState={(activate ? "DEACTIVATED" : "ACTIVATED")} and restore the parameter values read before the change.");
        if (f.Cxc is not null) a.Command(Cmedit.SetFeatureState(f, !activate, node) with { Purpose = $"Rollback: {(activate ? "deactivate" : "reactivate")} {f.Name} ({f.Code})" });
        if (node is null) a.Warning(Cmedit.NoNodeWarning);
        foreach (var cycle in plan.Cycles)
            a.Warning($"Prerequisite cycle: {string.Join(" -> ", cycle)}; the order above breaks it arbitrarily.");
        a.Line("Every command is a proposal: run only those marked safe, and only with approval where it says so.");
        return a.Build();
    }

    // "Is it worth enabling X here?" asks for a judgement the catalog cannot give: say so, and how to measure it.
    private static void WhetherItPaysOff(AnswerBuilder a, Feature f, AnswerContext context)
    {
        var baseline = Baseline(f, context);
        a.Text.Append("Whether ").Append(f.Name).Append(" pays off on your network is not in the catalog (it holds no behaviour description or gains). Measure it: activate it on a trial node, ")
            .Append(baseline.Length > 0 ? $"compare {baseline} over the same hours before and after (several ROPs each)" : "compare the cells' usual counters before and after (the catalog lists none of its own)")
            .Append(", and keep the rollback below ready.");
        a.Line();
    }

    private static string Baseline(Feature f, AnswerContext context)
    {
        var counters = f.Counters.Where(c => !context.IsOtherRat(c.Mo)).Select(c => c.QualifiedName).ToList();
        var parts = new List<string>(2);
        if (counters.Count > 0) parts.Add("the counters " + AnswerList.Join(counters, context.ShowAll, limit: 6));
        if (f.Kpis.Count > 0) parts.Add("the KPIs " + string.Join(", ", f.Kpis));
        return string.Join(" and ", parts);
    }
}
