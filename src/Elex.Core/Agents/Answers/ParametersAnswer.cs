using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// Parameters: the ones the question names or describes first, then every parameter grouped by
/// managed object and role with the MO's path; a requested change becomes read → set → rollback.
/// </summary>
internal static class ParametersAnswer
{
    private static readonly ParameterRole[] Roles = [ParameterRole.Introduced, ParameterRole.Affecting, ParameterRole.Affected];

    public static AgentAnswer Compose(Feature f, AnswerContext context)
    {
        var a = new AnswerBuilder();
        var facts = FeatureFacts.Of(f);
        if (context.Changes.Count > 0) ProposeChanges(a, f, context);

        var named = QuestionFocus.NamedParameters(f, context.Text);
        var focus = new QuestionFocus(context.Text, facts);
        var described = named.Count > 0 ? [] : focus.Matching(facts.ParameterTerms).Select(i => f.Parameters[i]).Where(p => !context.IsOtherRat(p.Mo)).Take(AnswerList.Limit).ToList();
        foreach (var p in context.Changes.Count > 0 ? [] : named)
        {
            a.Line($"{p.QualifiedName}: {RoleText(p.Role)} {f.Name} ({f.Code}).");
            a.Evidence($"parameter {p.QualifiedName} ({p.Role})");
            if (context.Changes.Count == 0) a.Command(Cmedit.GetParameter(f, p, context.Target));
        }
        if (described.Count > 0)
        {
            a.Text.Append("Closest to what you asked: ");
            a.Text.AppendList(described.Select(p => $"{p.QualifiedName} ({RoleLabel(p.Role)})").ToList(), all: true);
            a.Line(".");
            foreach (var p in described) a.Evidence($"parameter {p.QualifiedName} ({p.Role})");
        }
        if (named.Count > 0 && context.Changes.Count > 0) return Finish(a);

        var own = f.Parameters.Where(p => p.Role != ParameterRole.Referenced).ToList();
        var kept = own.Where(p => !context.IsOtherRat(p.Mo)).ToList();
        a.Line($"Parameters of {f.DisplayName}: {own.Count} it introduces or affects{(f.Parameters.Count > own.Count ? $", {f.Parameters.Count - own.Count} it references" : "")}.");
        foreach (var group in kept.GroupBy(p => p.Mo))
        {
            var path = ManagedObjectPath.Of(group.Key);
            a.Line(path is null ? $"{group.Key}:" : $"{group.Key} ({path}):");
            foreach (var role in Roles)
            {
                var names = group.Where(p => p.Role == role).Select(p => p.Name).ToList();
                if (names.Count == 0) continue;
                a.Text.Append("  ").Append(RoleLabel(role)).Append(": ").AppendList(names, context.ShowAll);
                a.Line();
                foreach (var p in group.Where(p => p.Role == role).Take(AnswerList.Shown(names.Count, context.ShowAll)))
                    a.Evidence($"parameter {p.QualifiedName} ({p.Role})");
            }
        }
        if (own.Count > kept.Count)
            a.Line($"({own.Count - kept.Count} parameter(s) on {Other(context)} managed objects left out: the question is about {Named(context)}.)");
        var referenced = f.Parameters.Where(p => p.Role == ParameterRole.Referenced).ToList();
        if (referenced.Count > 0)
        {
            if (context.ShowAll || own.Count == 0)
            {
                a.Text.Append("Referenced (owned by other functions): ").AppendList(referenced.Select(p => p.QualifiedName).ToList(), all: true);
                a.Line(".");
            }
            else a.Line($"Referenced: {referenced.Count} parameter(s) owned by other functions (listed when all are asked for).");
        }
        return Finish(a);
    }

    private static AgentAnswer Finish(AnswerBuilder a)
    {
        a.Line("Range, default and unit: not in the catalog — read the current value with cmedit get before changing it.");
        return a.Build();
    }

    // A change on a live network: read the current value, set the new one, and keep the read value to roll back.
    private static void ProposeChanges(AnswerBuilder a, Feature f, AnswerContext context)
    {
        foreach (var change in context.Changes)
        {
            var parameter = Find(f, change.Parameter, context);
            if (parameter is null)
            {
                a.Warning($"{change.Parameter} is not a parameter of {f.Name} in the catalog; no command proposed.");
                continue;
            }
            var (mo, placeholder) = ManagedObjectRef.For(parameter.Mo, change.Target);
            var node = change.Target.Node ?? Cmedit.NodePlaceholder;
            a.Line($"Change {parameter.QualifiedName} to {change.Value} on {node} {mo} ({RoleText(parameter.Role)} {f.Name}):");
            a.Line("  1. read the current value (keep it for the rollback); 2. set the new value — see its safety verdict below; 3. after one or more 15-minute ROPs compare the feature's counters with the values before; 4. rollback: set the value read in step 1.");
            a.Command(Cmedit.GetParameter(f, parameter, change.Target));
            a.Command(Cmedit.SetParameter(f, parameter, change.Value, change.Target));
            a.Evidence($"parameter {parameter.QualifiedName} ({parameter.Role})");
            if (change.Target.Node is null) a.Warning($"No node named: replace {Cmedit.NodePlaceholder} with the node (ManagedElement id) before running the commands.");
            if (placeholder) a.Warning($"No {parameter.Mo} instance named: replace the placeholder in {mo} with the instance to change (a whole class is never changed at once).");
        }
    }

    // The MO class the question names wins, then the one of the question's RAT, then the feature's own parameter before one it only affects.
    private static FeatureParameter? Find(Feature f, string name, AnswerContext context)
    {
        var dot = name.LastIndexOf('.');
        var mo = dot > 0 ? name[..dot] : context.Target.MoClass;
        var key = Text.Tokenizer.LookupKey(dot > 0 ? name[(dot + 1)..] : name);
        var matches = f.Parameters.Where(p => Text.Tokenizer.LookupKey(p.Name) == key).ToList();
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
