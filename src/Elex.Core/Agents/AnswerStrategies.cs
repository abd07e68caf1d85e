using System.Text;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>How each response strategy changes an agent's base answer.</summary>
internal static class AnswerStrategies
{
    public static AgentAnswer Apply(ResponseAction action, AgentAnswer answer, FeatureCatalog catalog, Feature feature, AnswerContext context)
    {
        var applied = Strategy(action, answer, catalog, feature, context);
        // Most answers are direct ones already marked so: no copy for them.
        return applied.Action == action ? applied : applied with { Action = action };
    }

    private static AgentAnswer Strategy(ResponseAction action, AgentAnswer answer, FeatureCatalog catalog, Feature feature, AnswerContext context) => action switch
    {
        ResponseAction.DetailedAnswer => Detailed(answer, catalog, feature),
        ResponseAction.ConsultPeer => Consult(answer, context),
        ResponseAction.RequestClarification => Clarify(answer, feature, context),
        ResponseAction.Escalate => Escalate(answer, feature, context),
        _ => answer,
    };

    // Adds what the answer does not already hold of the feature's neighbourhood: prerequisites,
    // conflicts (declared on either side), every related feature, and its trace events.
    private static AgentAnswer Detailed(AgentAnswer answer, FeatureCatalog catalog, Feature f)
    {
        var text = Rent().Append(answer.Text);
        var evidence = new List<string>(answer.Evidence.Count + f.Requires.Count + f.Related.Count + 4);
        for (var i = 0; i < answer.Evidence.Count; i++) Add(evidence, answer.Evidence[i]);
        var held = evidence.Count;
        var listed = 0;
        foreach (var code in f.Requires)
        {
            var fact = "requires " + code.Value;
            if (Contains(evidence, held, fact)) continue;
            text.Append(listed++ == 0 ? "\nPrerequisites: " : ", ").Append(catalog.Find(code)?.DisplayName ?? code.Value);
            Add(evidence, fact);
        }
        if (listed > 0) text.Append('.');
        listed = 0;
        foreach (var c in CatalogEdges.Of(catalog).ConflictsOf(f.Code))
        {
            var fact = "conflicts " + c.Code.Value;
            if (Contains(evidence, held, fact)) continue;
            text.Append(listed++ == 0 ? "\nConflicts: " : ", ").Append(c.DisplayName).Append(" (").Append(c.Declared(f)).Append(')');
            Add(evidence, fact);
        }
        if (listed > 0) text.Append('.');
        // The whole related list, unless the answer already names every related feature (a what-is answer does,
        // up to six): the detail adds what was cut, not a second copy.
        if (f.Related.Count > 0 && !NamesAll(answer.Text, catalog, f.Related))
        {
            text.Append("\nRelated features (all ").Append(f.Related.Count).Append("): ");
            for (var i = 0; i < f.Related.Count; i++)
            {
                if (i > 0) text.Append(", ");
                text.Append(catalog.Find(f.Related[i])?.DisplayName ?? f.Related[i].Value);
                Add(evidence, "related " + f.Related[i].Value);
            }
            text.Append('.');
        }
        if (f.Events.Count > 0 && !answer.Text.Contains("Trace events", StringComparison.Ordinal))
            text.Append("\nTrace events: ").AppendList(f.Events, all: false).Append('.');
        return answer with { Text = Return(text), Evidence = evidence };
    }

    private static bool NamesAll(string text, FeatureCatalog catalog, IReadOnlyList<FeatureCode> codes)
    {
        foreach (var code in codes)
            if (!text.Contains(catalog.Find(code)?.DisplayName ?? code.Value, StringComparison.Ordinal)) return false;
        return true;
    }

    // Asks the runner-up feature's agent and merges its first lines below this one.
    private static AgentAnswer Consult(AgentAnswer answer, AnswerContext context)
    {
        if (context.ConsultPeer?.Invoke() is not { } peer) return answer;
        var evidence = new List<string>(answer.Evidence.Count + peer.Evidence.Count);
        evidence.AddRange(answer.Evidence);
        foreach (var e in peer.Evidence) evidence.Add("peer " + e);
        return answer with
        {
            Text = Return(Rent().Append(answer.Text).Append("\n\nA neighbouring agent adds:\n").Append(FirstLines(peer.Text, PeerLines))),
            Evidence = evidence,
            Commands = answer.Commands,
        };
    }

    private const int PeerLines = 6;

    private static ReadOnlySpan<char> FirstLines(string text, int lines)
    {
        var end = -1;
        for (var n = 0; n < lines; n++)
        {
            var next = text.IndexOf('\n', end + 1);
            if (next < 0) return text;
            end = next;
        }
        return text.AsSpan(0, end);
    }

    // Evidence stays distinct; answers hold a few dozen facts, so a scan beats a set built per answer.
    private static void Add(List<string> evidence, string fact)
    {
        if (!evidence.Contains(fact)) evidence.Add(fact);
    }

    private static bool Contains(List<string> evidence, int count, string fact)
    {
        for (var i = 0; i < count; i++) if (string.Equals(evidence[i], fact, StringComparison.Ordinal)) return true;
        return false;
    }

    // One builder per thread, reused: a strategy allocates the answer's new text, not the buffer's growth.
    [ThreadStatic] private static StringBuilder? t_text;

    private static StringBuilder Rent()
    {
        var text = t_text ?? new StringBuilder(4096);
        t_text = null;
        return text;
    }

    private static string Return(StringBuilder text)
    {
        var result = text.ToString();
        text.Clear();
        t_text = text;
        return result;
    }

    private static AgentAnswer Clarify(AgentAnswer answer, Feature f, AnswerContext context)
    {
        var text = Rent().Append("To answer precisely: do you mean ").Append(DisplayNames.Of(f));
        for (var i = 0; i < Math.Min(2, context.Alternatives.Count); i++) text.Append(" or ").Append(DisplayNames.Of(context.Alternatives[i]));
        return answer with { Text = Return(text.Append("? Meanwhile, for ").Append(f.Name).Append(":\n").Append(answer.Text)) };
    }

    private static AgentAnswer Escalate(AgentAnswer answer, Feature f, AnswerContext context) => answer with
    {
        Text = $"This question about {f.Name} should be confirmed by a RAN expert (routing confidence {context.RouteConfidence:0.00}). What the catalog says:\n{answer.Text}",
        Warnings = [.. answer.Warnings, $"Escalated: {f.Name} answer needs expert review before acting on it."],
    };
}
