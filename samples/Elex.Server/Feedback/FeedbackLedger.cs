using System.Collections.Concurrent;
using Elex.Core.Learning;

namespace Elex.Server.Feedback;

/// <summary>
/// Who taught the swarm what: every rating taken through <c>POST /feedback</c> with the authenticated user who gave it
/// (never a name from the request body). Keeps the counts per user and the most recent ratings, bounded.
/// </summary>
internal sealed class FeedbackLedger
{
    public const int RecentCapacity = 100;

    private readonly ConcurrentDictionary<string, UserFeedbackCount> _byUser = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<AttributedFeedback> _recent = new();

    public void Record(string user, FeedbackResult result, DateTimeOffset at)
    {
        _byUser.AddOrUpdate(user,
            _ => new UserFeedbackCount(1, result.Applied ? 1 : 0),
            (_, count) => new UserFeedbackCount(count.Given + 1, count.Applied + (result.Applied ? 1 : 0)));
        _recent.Enqueue(new AttributedFeedback(user, result.ResponseId ?? result.Feedback.ResponseId, result.AgentId ?? result.Feedback.AgentId,
            result.Feedback.Reward, result.Feedback.Success, result.Status, at));
        while (_recent.Count > RecentCapacity) _recent.TryDequeue(out _);
    }

    /// <summary>Ratings given and applied, per user.</summary>
    public IReadOnlyDictionary<string, UserFeedbackCount> ByUser => _byUser;

    /// <summary>The last <see cref="RecentCapacity"/> ratings, oldest first.</summary>
    public IReadOnlyList<AttributedFeedback> Recent => [.. _recent];
}

/// <summary>How many ratings one user gave, and how many taught an agent.</summary>
internal sealed record UserFeedbackCount(long Given, long Applied);

/// <summary>One rating and who gave it.</summary>
internal sealed record AttributedFeedback(string User, string? ResponseId, string? AgentId, float Reward, bool Success, FeedbackStatus Status, DateTimeOffset At);
