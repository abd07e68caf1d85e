using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.AnswerQuality;

/// <summary>Checks one response against its case; every shortfall is named so a failing run says what was missing.</summary>
public static class AnswerGrader
{
    public static IReadOnlyList<string> Shortfalls(AnswerCase c, QueryResponse response)
    {
        var missing = new List<string>();
        var commands = response.Commands.Select(x => x.Command).ToList();
        var all = response.Text + "\n" + string.Join("\n", commands);
        if (c.Code is { } code && response.FeatureCode != code) missing.Add($"routed to {response.FeatureCode ?? "nothing"} ({response.Status}), not {code}");
        foreach (var other in c.Codes)
        {
            if (!response.Text.Contains(other, StringComparison.Ordinal)) missing.Add($"compared feature {other} absent");
        }
        foreach (var fact in c.Facts)
        {
            if (!all.Contains(fact, StringComparison.Ordinal)) missing.Add($"fact '{fact}' absent");
        }
        var at = 0;
        foreach (var fact in c.Order)
        {
            var i = response.Text.IndexOf(fact, at, StringComparison.Ordinal);
            if (i < 0)
            {
                missing.Add($"'{fact}' absent or out of order");
                continue;
            }
            at = i + fact.Length;
        }
        foreach (var expected in c.Commands)
        {
            if (!commands.Contains(expected, StringComparer.Ordinal)) missing.Add($"command '{expected}' not proposed");
        }
        missing.AddRange(LostTargets(c.Question, response.Commands));
        return missing;
    }

    /// <summary>Commands that dropped the node or MO instance the question named.</summary>
    public static IEnumerable<string> LostTargets(string question, IReadOnlyList<ProposedCommand> commands)
    {
        var target = CommandTarget.Find(question);
        foreach (var command in commands)
        {
            if (target.Node is { } node && !command.Command.Contains($" {node} ", StringComparison.Ordinal))
                yield return $"command '{command.Command}' lost node {node}";
            if (target.Instance is { } instance && command.Kind == CommandKind.SetParameter && !command.Command.Contains($"={instance} ", StringComparison.Ordinal) && !command.Command.Contains($"={instance},", StringComparison.Ordinal)
                && !(command.Mo ?? "").EndsWith("Function", StringComparison.Ordinal))
                yield return $"command '{command.Command}' lost instance {instance}";
        }
    }
}
