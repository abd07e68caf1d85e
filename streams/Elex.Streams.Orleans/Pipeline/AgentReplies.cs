using Elex.Core.Learning;
using Elex.Core.Responses;
using Elex.Orleans.Contracts;

namespace Elex.Streams.Orleans.Pipeline;

/// <summary>An agent grain's reply back into the answer the response builder takes.</summary>
internal static class AgentReplies
{
    /// <summary>The answer the reply carries.</summary>
    /// <exception cref="FormatException">The reply names a strategy, learning state or command kind that does not exist.</exception>
    public static AgentAnswer ToAnswer(AgentReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!Enum.IsDefined((ResponseAction)reply.Strategy)) throw new FormatException($"{reply.AgentId} replied with strategy {reply.Strategy}, which does not exist.");
        if (reply.LearningState >= LearningState.Count) throw new FormatException($"{reply.AgentId} replied with learning state {reply.LearningState}, which does not exist.");
        var commands = new ProposedCommand[reply.Commands.Length];
        for (var i = 0; i < commands.Length; i++)
        {
            var c = reply.Commands[i];
            if (!Enum.IsDefined((CommandKind)c.Kind)) throw new FormatException($"{reply.AgentId} replied with command kind {c.Kind}, which does not exist.");
            commands[i] = new ProposedCommand(c.Command, (CommandKind)c.Kind, c.Purpose) { Mo = c.Mo, Parameter = c.Parameter, Value = c.Value, FeatureCode = c.FeatureCode };
        }
        return new AgentAnswer(reply.Text, reply.Evidence, commands)
        {
            Warnings = reply.Warnings,
            Action = (ResponseAction)reply.Strategy,
            State = reply.LearningState >= 0 ? LearningState.FromIndex(reply.LearningState) : null,
        };
    }
}
