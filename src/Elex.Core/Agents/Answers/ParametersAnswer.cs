using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// Parameters: the ones the question names or describes first, then every parameter grouped by
/// managed object and role with the MO's path; a requested change becomes read → set → rollback.
/// </summary>
internal static class ParametersAnswer
{
    public static AgentAnswer Compose(FeatureCatalog catalog, Feature f, AnswerContext context)
    {
        var a = new AnswerBuilder();
        var facts = FeatureFacts.Of(f);
        if (context.Changes.Count > 0) ProposeChanges(a, catalog, f, facts, context);

        var named = QuestionFocus.NamedParameters(f, facts, context);
        if (context.Changes.Count == 0)
        {
            foreach (var p in named)
            {
                a.Text.Append(p.QualifiedName).Append(": ").Append(RoleText(p.Role)).Append(' ').Append(f.Name).Append(" (").Append(f.Code.Value).Append(").\n");
                if (FactOwners.ParameterAlsoOf(catalog, f, p) is { } also) a.Line(also);
                a.Evidence(facts.Evidence(p));
                a.Command(Cmedit.GetParameter(f, p, context.Target));
            }
        }
        else if (named.Count > 0) return Finish(a);
        if (named.Count == 0) Described(a, f, facts, context);

        var t = a.Text;
        t.Append("Parameters of ").Append(DisplayNames.Of(f)).Append(": ").Append(facts.OwnParameterCount).Append(" it introduces or affects");
        if (facts.Referenced.Count > 0) t.Append(", ").Append(facts.Referenced.Count).Append(" it references");
        t.Append(".\n");
        var leftOut = 0;
        foreach (var group in facts.ParameterGroups)
        {
            if (context.IsOtherRat(group.Rat))
            {
                foreach (var role in group.ByRole) leftOut += role.Length;
                continue;
            }
            t.Append(group.Heading).Append('\n');
            foreach (var role in group.ByRole)
            {
                t.Append("  ").Append(RoleLabel(role[0].Role)).Append(": ").AppendList(role, static p => p.Name, context.ShowAll).Append('\n');
                var shown = AnswerList.Shown(role.Length, context.ShowAll);
                for (var i = 0; i < shown; i++) a.Evidence(facts.Evidence(role[i]));
            }
        }
        if (leftOut > 0)
            t.Append('(').Append(leftOut).Append(" parameter(s) on ").Append(Other(context)).Append(" managed objects left out: the question is about ").Append(Named(context)).Append(".)\n");
        if (facts.Referenced.Count > 0)
        {
            if (context.ShowAll || facts.OwnParameterCount == 0)
                t.Append("Referenced (owned by other functions): ").AppendList(facts.Referenced, static p => p.QualifiedName, context.ShowAll).Append(".\n");
            else
                t.Append("Referenced: ").Append(facts.Referenced.Count).Append(" parameter(s) owned by other functions (listed when all are asked for).\n");
        }
        return Finish(a);
    }

    // Parameters whose name words match what the question describes ("the offload thresholds").
    private static void Described(AnswerBuilder a, Feature f, FeatureFacts facts, AnswerContext context)
    {
        var focus = new QuestionFocus(context, facts);
        if (!focus.IsSpecific) return;
        var described = new List<FeatureParameter>();
        foreach (var i in focus.Matching(facts.ParameterTerms))
        {
            var p = f.Parameters[i];
            if (!context.IsOtherRat(p.Mo)) described.Add(p);
            if (described.Count == AnswerList.Limit) break;
        }
        if (described.Count == 0) return;
        a.Text.Append("Closest to what you asked: ").AppendList(described, static p => $"{p.QualifiedName} ({RoleLabel(p.Role)})", all: true).Append(".\n");
        foreach (var p in described) a.Evidence(facts.Evidence(p));
    }

    private static AgentAnswer Finish(AnswerBuilder a)
    {
        a.Line("Range, default and unit: not in the catalog — read the current value with cmedit get before changing it.");
        return a.Build();
    }

    // A change on a live network: read the current value, set the new one, and keep the read value to roll back.
    private static void ProposeChanges(AnswerBuilder a, FeatureCatalog catalog, Feature f, FeatureFacts facts, AnswerContext context)
    {
        foreach (var change in context.Changes)
        {
            var parameter = Find(f, facts, change.Parameter, context);
            if (parameter is null)
            {
                a.Warning($"{change.Parameter} is not a parameter of {f.Name} in the catalog; no command proposed.");
                continue;
            }
            var (mo, placeholder) = ManagedObjectRef.For(parameter.Mo, change.Target);
            var node = change.Target.Node ?? Cmedit.NodePlaceholder;
            a.Text.Append($"Change {parameter.QualifiedName} to {change.Value} on {node} {mo} ({RoleText(parameter.Role)} {f.Name}):").Append('\n');
            a.Line("  1. read the current value (keep it for the rollback); 2. set the new value — see its safety verdict below; 3. after one or more 15-minute ROPs compare the feature's counters with the values before; 4. rollback: set the value read in step 1.");
            a.Command(Cmedit.GetParameter(f, parameter, change.Target));
            a.Command(Cmedit.SetParameter(f, parameter, change.Value, change.Target));
            a.Evidence(facts.Evidence(parameter));
            if (change.Target.Node is null) a.Warning(Cmedit.NoNodeWarning);
            if (FactOwners.ParameterAlsoOf(catalog, f, parameter) is { } also) a.Warning(also);
            if (change.Target.MoClass is { } named && !mo.StartsWith(named + "=", StringComparison.OrdinalIgnoreCase))
                a.Warning($"The question names {named}={change.Target.Instance}, but in the catalog {parameter.Name} is an attribute of {parameter.Mo} for {f.Name}: the command addresses {parameter.Mo}.");
            if (placeholder) a.Warning($"No {parameter.Mo} instance named: replace the placeholder in {mo} with the instance to change (a whole class is never changed at once).");
        }
    }

    // The MO class the question names wins, then the one of the question's RAT, then the feature's own parameter before one it only affects.
    private static FeatureParameter? Find(Feature f, FeatureFacts facts, string name, AnswerContext context)
    {
        var dot = name.LastIndexOf('.');
        var mo = dot > 0 ? name[..dot] : context.Target.MoClass;
        var key = Text.Tokenizer.LookupKey(dot > 0 ? name[(dot + 1)..] : name);
        var matches = new List<FeatureParameter>();
        for (var i = 0; i < facts.ParameterKeys.Length; i++) if (facts.ParameterKeys[i] == key) matches.Add(f.Parameters[i]);
        if (matches.Count == 0) return null;
        return matches.FirstOrDefault(p => mo is not null && string.Equals(p.Mo, mo, StringComparison.OrdinalIgnoreCase))
            ?? (dot > 0 ? null : matches.OrderBy(p => context.IsOtherRat(p.Mo)).ThenBy(p => p.Role).First());
    }

    internal static string RoleText(ParameterRole role) => role switch
    {
        ParameterRole.Introduced => "introduced by",
        ParameterRole.Affecting => "affects",
        ParameterRole.Affected => "is affected by",
        _ => "is referenced by",
    };

    private static string RoleLabel(ParameterRole role) => role switch
    {
        ParameterRole.Introduced => "introduced",
        ParameterRole.Affecting => "affecting",
        ParameterRole.Affected => "affected",
        _ => "referenced",
    };

    internal static string Other(AnswerContext context) => context.Rat == Routing.Glosses.Rat.Lte ? "NR" : "LTE";

    internal static string Named(AnswerContext context) => context.Rat == Routing.Glosses.Rat.Lte ? "LTE" : "NR";
}
