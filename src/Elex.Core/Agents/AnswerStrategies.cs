using System.Text;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>How each response strategy changes an agent's base answer.</summary>
internal static class AnswerStrategies
{
    public static AgentAnswer Apply(ResponseAction action, AgentAnswer answer, FeatureCatalog catalog, Feature feature, AnswerContext context) => action switch
    {
        ResponseAction.DetailedAnswer => Detailed(answer, catalog, feature),
        ResponseAction.ConsultPeer => Consult(answer, context),
        ResponseAction.RequestClarification => Clarify(answer, feature, context),
        ResponseAction.Escalate => Escalate(answer, feature, context),
        _ => answer,
    } with { Action = action };

    // Adds what the answer does not already hold of the feature's neighbourhood: prerequisites,
    // conflicts (declared on either side), every related feature, and its trace events.
    private static AgentAnswer Detailed(AgentAnswer answer, FeatureCatalog catalog, Feature f)
    {
        var text = new StringBuilder(answer.Text);
        var evidence = new List<string>(answer.Evidence);
        var missingPrerequisites = f.Requires.Where(c => !evidence.Contains($"requires {c}")).ToList();
        if (missingPrerequisites.Count > 0)
        {
            text.Append("\nPrerequisites: ").AppendList(missingPrerequisites.Select(c => catalog.Find(c)?.DisplayName ?? c.Value).ToList(), all: true).Append('.');
            evidence.AddRange(missingPrerequisites.Select(c => $"requires {c}"));
        }
        var missingConflicts = CatalogEdges.Of(catalog).ConflictsOf(f.Code).Where(c => !evidence.Contains($"conflicts {c.Code}")).ToList();
        if (missingConflicts.Count > 0)
        {
            text.Append("\nConflicts: ").AppendList(missingConflicts.Select(c => $"{c.DisplayName} ({c.Declared(f)})").ToList(), all: true).Append('.');
            evidence.AddRange(missingConflicts.Select(c => $"conflicts {c.Code}"));
        }
        if (f.Related.Count > 0)
        {
            text.Append("\nRelated features (all ").Append(f.Related.Count).Append("): ").AppendList(f.Related.Select(c => catalog.Find(c)?.DisplayName ?? c.Value).ToList(), all: true).Append('.');
            evidence.AddRange(f.Related.Select(c => $"related {c}"));
        }
        if (f.Events.Count > 0 && !answer.Text.Contains("Trace events", StringComparison.Ordinal))
            text.Append("\nTrace events: ").AppendList(f.Events, all: false).Append('.');
        return answer with { Text = text.ToString(), Evidence = evidence.Distinct(StringComparer.Ordinal).ToList() };
    }

    // Asks the runner-up feature's agent and merges its answer below this one.
    private static AgentAnswer Consult(AgentAnswer answer, AnswerContext context)
    {
        if (context.ConsultPeer?.Invoke() is not { } peer) return answer;
        var peerLines = peer.Text.Split('\n').Take(6);
        return answer with
        {
            Text = answer.Text + "\n\nA neighbouring agent adds:\n" + string.Join('\n', peerLines),
            Evidence = [.. answer.Evidence, .. peer.Evidence.Select(e => "peer " + e)],
            Commands = answer.Commands,
        };
    }

    private static AgentAnswer Clarify(AgentAnswer answer, Feature f, AnswerContext context)
    {
        var options = new[] { f }.Concat(context.Alternatives.Take(2)).Select(x => x.DisplayName);
        return answer with { Text = $"To answer precisely: do you mean {string.Join(" or ", options)}? Meanwhile, for {f.Name}:\n{answer.Text}" };
    }

    private static AgentAnswer Escalate(AgentAnswer answer, Feature f, AnswerContext context) => answer with
    {
        Text = $"This question about {f.Name} should be confirmed by a RAN expert (routing confidence {context.RouteConfidence:0.00}). What the catalog says:\n{answer.Text}",
        Warnings = [.. answer.Warnings, $"Escalated: {f.Name} answer needs expert review before acting on it."],
    };
}
