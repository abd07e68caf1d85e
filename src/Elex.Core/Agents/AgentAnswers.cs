using System.Text;
using Elex.Core.Catalog;
using Elex.Core.Responses;
using Elex.Core.Text;

namespace Elex.Core.Agents;

/// <summary>Composes answers from catalog facts, one method per query type.</summary>
internal static class AgentAnswers
{
    private const int ListLimit = 12;

    public static AgentAnswer Parameters(Feature f, AnswerContext context)
    {
        var text = new StringBuilder();
        var evidence = new List<string>();
        var commands = new List<ProposedCommand>();
        var warnings = new List<string>();

        var named = NamedParameters(f, context.Text);
        foreach (var change in context.Changes)
        {
            var parameter = FindParameter(f, change.Parameter);
            if (parameter is null)
            {
                warnings.Add($"{change.Parameter} is not a parameter of {f.Name} in the catalog; no command proposed.");
                continue;
            }
            commands.Add(Cmedit.SetParameter(f, parameter, change.Value, change.Target));
            evidence.Add($"parameter {parameter.QualifiedName} ({parameter.Role})");
            text.AppendLine($"Proposed change: set {parameter.QualifiedName} to {change.Value}{(change.Target is null ? "" : $" on {change.Target}")} — see its safety verdict below.");
        }

        if (named.Count > 0)
        {
            foreach (var p in named)
            {
                text.AppendLine($"{p.QualifiedName}: {RoleText(p.Role)} {f.Name} ({f.Code}).");
                evidence.Add($"parameter {p.QualifiedName} ({p.Role})");
                if (context.Changes.Count == 0) commands.Add(Cmedit.GetParameter(f, p, context.Target));
            }
        }
        if (named.Count == 0 || context.Changes.Count == 0)
        {
            text.AppendLine($"{f.DisplayName} has {f.Parameters.Count} parameter link(s).");
            var otherRat = f.Parameters.Count(p => p.Role != ParameterRole.Referenced && context.IsOtherRat(p.Mo));
            foreach (var role in new[] { ParameterRole.Introduced, ParameterRole.Affecting, ParameterRole.Affected })
            {
                var list = f.Parameters.Where(p => p.Role == role && !context.IsOtherRat(p.Mo)).ToList();
                if (list.Count == 0) continue;
                text.AppendLine($"{role}: {Join(list.Select(p => p.QualifiedName), list.Count)}");
                evidence.AddRange(list.Take(ListLimit).Select(p => $"parameter {p.QualifiedName} ({p.Role})"));
            }
            var referenced = f.Parameters.Count(p => p.Role == ParameterRole.Referenced);
            if (referenced > 0) text.AppendLine($"Referenced: {referenced} further parameter(s) of other functions.");
            if (otherRat > 0) text.AppendLine(OtherRatNote(otherRat, "parameter", context));
        }
        return new AgentAnswer(text.ToString().TrimEnd(), Distinct(evidence), commands) { Warnings = warnings };
    }

    public static AgentAnswer Counters(Feature f, AnswerContext context)
    {
        var text = new StringBuilder();
        var evidence = new List<string>();
        var named = f.Counters.Where(c => Mentions(context.Text, c.Name)).ToList();
        if (named.Count > 0)
        {
            foreach (var c in named)
            {
                text.AppendLine($"{c.QualifiedName} is a counter of {f.Name} ({f.Code}) on {c.Mo}.");
                evidence.Add($"counter {c.QualifiedName}");
            }
        }
        if (f.Counters.Count == 0)
        {
            text.AppendLine($"The catalog lists no PM counters for {f.DisplayName}.");
        }
        else
        {
            text.AppendLine($"Counters that show {f.Name} at work ({f.Counters.Count}):");
            var otherRat = f.Counters.Count(c => context.IsOtherRat(c.Mo));
            foreach (var group in f.Counters.Where(c => !context.IsOtherRat(c.Mo)).GroupBy(c => c.Mo))
            {
                var names = group.Select(c => c.Name).ToList();
                text.AppendLine($"  {group.Key}: {Join(names, names.Count)}");
            }
            if (otherRat > 0) text.AppendLine(OtherRatNote(otherRat, "counter", context));
            evidence.AddRange(f.Counters.Where(c => !context.IsOtherRat(c.Mo)).Take(ListLimit * 2).Select(c => $"counter {c.QualifiedName}"));
        }
        if (f.Kpis.Count > 0)
        {
            text.AppendLine($"KPIs affected: {string.Join(", ", f.Kpis)}.");
            evidence.AddRange(f.Kpis.Select(k => $"kpi {k}"));
        }
        if (f.Events.Count > 0) text.AppendLine($"Trace events: {Join(f.Events, f.Events.Count)}");
        return new AgentAnswer(text.ToString().TrimEnd(), Distinct(evidence), []);
    }

    private static string OtherRatNote(int count, string what, AnswerContext context) =>
        $"({count} {what}(s) on {(context.Rat == Routing.Glosses.Rat.Lte ? "NR" : "LTE")} managed objects left out: the question is about {(context.Rat == Routing.Glosses.Rat.Lte ? "LTE" : "NR")}.)";

    public static AgentAnswer Kpis(Feature f)
    {
        var text = new StringBuilder();
        var evidence = new List<string>();
        if (f.Kpis.Count == 0) text.AppendLine($"The catalog lists no KPIs for {f.DisplayName}.");
        else
        {
            text.AppendLine($"KPIs {f.Name} influences: {string.Join(", ", f.Kpis)}.");
            evidence.AddRange(f.Kpis.Select(k => $"kpi {k}"));
        }
        if (f.Counters.Count > 0)
        {
            text.AppendLine($"Counters to compute and watch them: {Join(f.Counters.Select(c => c.QualifiedName), f.Counters.Count)}");
            evidence.AddRange(f.Counters.Take(ListLimit).Select(c => $"counter {c.QualifiedName}"));
        }
        return new AgentAnswer(text.ToString().TrimEnd(), Distinct(evidence), []);
    }

    public static AgentAnswer Procedure(FeatureCatalog catalog, Feature f, AnswerContext context)
    {
        var plan = ActivationPlanner.Plan(catalog, f);
        var text = new StringBuilder();
        var evidence = new List<string>();
        var commands = new List<ProposedCommand>();
        var warnings = new List<string>();
        var activate = !context.WantsDeactivation;
        var node = context.Target;

        text.AppendLine($"{(activate ? "Activation" : "Deactivation")} plan for {f.DisplayName}:");
        var step = 1;
        if (activate)
        {
            foreach (var prerequisite in plan.PrerequisitesInOrder)
            {
                text.AppendLine($"{step++}. Make sure prerequisite {prerequisite.DisplayName} is active.");
                evidence.Add($"requires {prerequisite.Code} {prerequisite.Name}");
                if (prerequisite.Cxc is not null) commands.Add(Cmedit.SetFeatureState(prerequisite, true, node));
            }
            foreach (var code in plan.MissingPrerequisites)
            {
                text.AppendLine($"{step++}. Make sure prerequisite {code} is active (not described in this catalog).");
                evidence.Add($"requires {code}");
                warnings.Add($"Prerequisite {code} is not in the loaded catalog; its own prerequisites are unknown.");
            }
            foreach (var conflict in plan.Conflicts)
            {
                text.AppendLine($"{step++}. Check that conflicting {conflict.DisplayName} is deactivated.");
                evidence.Add($"conflicts {conflict.Code} {conflict.Name}");
                if (conflict.Cxc is not null) commands.Add(Cmedit.GetFeatureState(conflict, node));
            }
            foreach (var code in plan.MissingConflicts)
            {
                text.AppendLine($"{step++}. Check that conflicting feature {code} is deactivated.");
                evidence.Add($"conflicts {code}");
            }
        }
        if (f.Cxc is null)
        {
            text.AppendLine($"{step++}. {f.Name} has no feature-state key (CXC) in the catalog: it is not switched by FeatureState; configure it through its parameters.");
            warnings.Add($"{f.Code} has no CXC key; no feature-state command proposed.");
        }
        else
        {
            text.AppendLine($"{step++}. Set FeatureState={f.Cxc} featureState={(activate ? "ACTIVATED" : "DEACTIVATED")}.");
            evidence.Add($"cxc {f.Cxc}");
            commands.Add(Cmedit.SetFeatureState(f, activate, node));
            text.AppendLine($"{step++}. Verify featureState, licenseState and serviceState.");
            commands.Add(Cmedit.GetFeatureState(f, node));
        }
        var introduced = f.Parameters.Where(p => p.Role == ParameterRole.Introduced).ToList();
        if (activate && introduced.Count > 0)
        {
            text.AppendLine($"{step}. Review the parameters it introduces: {Join(introduced.Select(p => p.QualifiedName), introduced.Count)}");
            evidence.AddRange(introduced.Take(ListLimit).Select(p => $"parameter {p.QualifiedName} ({p.Role})"));
        }
        foreach (var cycle in plan.Cycles)
            warnings.Add($"Prerequisite cycle: {string.Join(" -> ", cycle)}; the order above breaks it arbitrarily.");
        text.AppendLine("Every command below is a proposal; run only those marked safe, and only with approval where it says so.");
        return new AgentAnswer(text.ToString().TrimEnd(), Distinct(evidence), commands) { Warnings = warnings };
    }

    public static AgentAnswer Troubleshoot(FeatureCatalog catalog, Feature f, AnswerContext context)
    {
        var node = context.Target;
        var text = new StringBuilder();
        var evidence = new List<string>();
        var commands = new List<ProposedCommand>();
        text.AppendLine($"Checks for {f.DisplayName}:");
        var step = 1;
        if (f.Cxc is not null)
        {
            text.AppendLine($"{step++}. Feature state and licence: FeatureState={f.Cxc} must be ACTIVATED with a valid licence and serviceState OPERABLE.");
            commands.Add(Cmedit.GetFeatureState(f, node));
            evidence.Add($"cxc {f.Cxc}");
        }
        foreach (var code in f.Requires)
        {
            var p = catalog.Find(code);
            text.AppendLine($"{step++}. Prerequisite {(p is null ? code.Value : p.DisplayName)} must be active.");
            evidence.Add($"requires {code}");
            if (p?.Cxc is not null) commands.Add(Cmedit.GetFeatureState(p, node));
        }
        foreach (var code in f.Conflicts)
        {
            var c = catalog.Find(code);
            text.AppendLine($"{step++}. Conflicting {(c is null ? code.Value : c.DisplayName)} must not be active.");
            evidence.Add($"conflicts {code}");
            if (c?.Cxc is not null) commands.Add(Cmedit.GetFeatureState(c, node));
        }
        var review = f.Parameters.Where(p => p.Role is ParameterRole.Introduced or ParameterRole.Affecting).ToList();
        if (review.Count > 0)
        {
            text.AppendLine($"{step++}. Review parameters: {Join(review.Select(p => p.QualifiedName), review.Count)}");
            evidence.AddRange(review.Take(ListLimit).Select(p => $"parameter {p.QualifiedName} ({p.Role})"));
        }
        if (f.Counters.Count > 0)
        {
            text.AppendLine($"{step++}. Watch counters: {Join(f.Counters.Select(c => c.QualifiedName), f.Counters.Count)}");
            evidence.AddRange(f.Counters.Take(ListLimit).Select(c => $"counter {c.QualifiedName}"));
        }
        if (f.Kpis.Count > 0) text.AppendLine($"{step}. KPIs to compare before and after: {string.Join(", ", f.Kpis)}.");
        return new AgentAnswer(text.ToString().TrimEnd(), Distinct(evidence), commands);
    }

    public static AgentAnswer Overview(FeatureCatalog catalog, Feature f)
    {
        var text = new StringBuilder();
        var evidence = new List<string> { $"feature {f.Code} {f.Name}" };
        text.AppendLine($"{f.DisplayName}{(f.Domain.Length > 0 ? $", domain {f.Domain}" : "")}{(f.Cxc is null ? "" : $", feature-state key {f.Cxc}")}.");
        var introduced = f.Parameters.Where(p => p.Role == ParameterRole.Introduced).ToList();
        text.AppendLine($"Parameters: {f.Parameters.Count} ({introduced.Count} introduced){(introduced.Count > 0 ? ": " + Join(introduced.Select(p => p.QualifiedName), introduced.Count) : ".")}");
        evidence.AddRange(introduced.Take(ListLimit).Select(p => $"parameter {p.QualifiedName} ({p.Role})"));
        if (f.Counters.Count > 0)
        {
            text.AppendLine($"Counters: {Join(f.Counters.Select(c => c.QualifiedName), f.Counters.Count)}");
            evidence.AddRange(f.Counters.Take(ListLimit).Select(c => $"counter {c.QualifiedName}"));
        }
        if (f.Kpis.Count > 0) text.AppendLine($"KPIs: {string.Join(", ", f.Kpis)}.");
        AppendEdges(catalog, text, evidence, "Requires", "requires", f.Requires);
        AppendEdges(catalog, text, evidence, "Conflicts with", "conflicts", f.Conflicts);
        AppendEdges(catalog, text, evidence, "Related", "related", f.Related);
        if (f.Releases.Count > 0) text.AppendLine($"Releases: {string.Join(", ", f.Releases)}.");
        return new AgentAnswer(text.ToString().TrimEnd(), Distinct(evidence), []);
    }

    private static void AppendEdges(FeatureCatalog catalog, StringBuilder text, List<string> evidence, string label, string kind, IReadOnlyList<FeatureCode> codes)
    {
        if (codes.Count == 0) return;
        text.AppendLine($"{label}: {string.Join(", ", codes.Select(c => catalog.Find(c)?.DisplayName ?? c.Value))}.");
        evidence.AddRange(codes.Select(c => $"{kind} {c}"));
    }

    private static List<FeatureParameter> NamedParameters(Feature f, string text)
    {
        var keys = Tokenizer.RawTokens(text).Select(t => Tokenizer.LookupKey(t.Text.Contains('.') ? t.Text[(t.Text.LastIndexOf('.') + 1)..] : t.Text)).ToHashSet();
        return f.Parameters.Where(p => keys.Contains(Tokenizer.LookupKey(p.Name))).ToList();
    }

    private static FeatureParameter? FindParameter(Feature f, string name)
    {
        var dot = name.LastIndexOf('.');
        var mo = dot > 0 ? name[..dot] : null;
        var key = Tokenizer.LookupKey(dot > 0 ? name[(dot + 1)..] : name);
        var matches = f.Parameters.Where(p => Tokenizer.LookupKey(p.Name) == key && (mo is null || string.Equals(p.Mo, mo, StringComparison.OrdinalIgnoreCase)));
        return matches.OrderBy(p => p.Role).FirstOrDefault();
    }

    private static bool Mentions(string text, string identifier) =>
        text.Contains(identifier, StringComparison.OrdinalIgnoreCase);

    private static string RoleText(ParameterRole role) => role switch
    {
        ParameterRole.Introduced => "introduced by",
        ParameterRole.Affecting => "affects",
        ParameterRole.Affected => "is affected by",
        _ => "is referenced by",
    };

    private static string Join(IEnumerable<string> items, int count) =>
        count > ListLimit ? string.Join(", ", items.Take(ListLimit)) + $" (+{count - ListLimit} more)" : string.Join(", ", items);

    private static List<string> Distinct(List<string> evidence) => evidence.Distinct(StringComparer.Ordinal).ToList();
}
