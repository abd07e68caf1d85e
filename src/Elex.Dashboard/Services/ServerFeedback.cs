namespace Elex.Dashboard.Services;

/// <summary>
/// The server's receipt for a rating: who it was recorded against, whether the learning is stored (the server has a
/// store), and whether it replaced an earlier rating of the same answer.
/// </summary>
public sealed record ServerFeedback(string RatedBy, bool Durable, bool Replaced);
