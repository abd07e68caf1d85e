namespace Elex.Server.Endpoints;

/// <summary>
/// The body of <c>POST /feedback</c>: which answer (<see cref="ResponseId"/>, or an agent's last answer by
/// <see cref="AgentId"/> or feature code), the <see cref="Reward"/> in [-1, 1] and whether it was a
/// <see cref="Success"/> (default: reward above 0), and optionally the feature that should have answered. Who rates is
/// the authenticated user, never a field of the body.
/// </summary>
internal sealed record FeedbackRequest(string? ResponseId = null, string? AgentId = null, float? Reward = null, bool? Success = null, string? CorrectFeature = null);
