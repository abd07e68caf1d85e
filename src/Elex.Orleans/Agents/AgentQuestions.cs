using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Orleans.Contracts;

namespace Elex.Orleans.Agents;

/// <summary>A question off the wire into what an agent answers from, and its answer back onto the wire.</summary>
internal static class AgentQuestions
{
    /// <summary>What the agent knows about the question.</summary>
    /// <exception cref="ArgumentException">The question is malformed or names a feature outside the catalog; the message says which.</exception>
    public static AnswerContext ToContext(AgentQuestion? question, FeatureCatalog catalog)
    {
        if (question is null) throw new ArgumentException("The question is missing.", nameof(question));
        if (string.IsNullOrWhiteSpace(question.Text)) throw new ArgumentException($"Question {question.ResponseId} has no text.", nameof(question));
        if (question.Text.Length > Query.MaxLength) throw new ArgumentException($"Question {question.ResponseId} is longer than {Query.MaxLength} characters.", nameof(question));
        if (!Enum.IsDefined((QueryType)question.Type)) throw new ArgumentException($"Question {question.ResponseId} has query type {question.Type}, which does not exist.", nameof(question));
        if (!Enum.IsDefined((Complexity)question.Complexity)) throw new ArgumentException($"Question {question.ResponseId} has complexity {question.Complexity}, which does not exist.", nameof(question));
        if (!(question.RouteConfidence is >= 0f and <= 1f)) throw new ArgumentException($"Question {question.ResponseId} has route confidence {question.RouteConfidence}, outside [0, 1].", nameof(question));
        return new AnswerContext(question.Text, new Classification((QueryType)question.Type, (Complexity)question.Complexity))
        {
            RouteConfidence = question.RouteConfidence,
            Alternatives = Features(question.Alternatives, catalog, question.ResponseId),
            Compared = Features(question.Compared, catalog, question.ResponseId),
            ShowAll = question.All,
        };
    }

    /// <summary>The agent's answer as it travels back.</summary>
    public static AgentReply ToReply(string responseId, FeatureAgent agent, AgentAnswer answer, string silo) => new()
    {
        ResponseId = responseId,
        AgentId = agent.Id,
        FeatureCode = agent.Feature.Code.Value,
        FeatureName = agent.Feature.Name,
        Text = answer.Text,
        Evidence = [.. answer.Evidence],
        Commands = [.. answer.Commands.Select(c => new CommandReply
        {
            Command = c.Command, Kind = (int)c.Kind, Purpose = c.Purpose, Mo = c.Mo, Parameter = c.Parameter, Value = c.Value, FeatureCode = c.FeatureCode,
        })],
        Warnings = [.. answer.Warnings],
        Strategy = (int)answer.Action,
        LearningState = answer.State?.Index ?? -1,
        Silo = silo,
    };

    private static Feature[] Features(string[]? codes, FeatureCatalog catalog, string responseId)
    {
        if (codes is null || codes.Length == 0) return [];
        var features = new Feature[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            features[i] = AgentId.TryParse(codes[i], out var code) && catalog.Find(code) is { } feature
                ? feature
                : throw new ArgumentException($"Question {responseId} names feature '{codes[i]}', which is not in the catalog.", nameof(codes));
        }
        return features;
    }
}
