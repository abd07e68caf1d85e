namespace Elex.Dashboard.Services;

/// <summary>
/// The server refused a request: its status and the problem details it sent (<c>title</c>, <c>detail</c>), e.g. 401
/// "Unauthorized" for a missing or unknown key, 403 for a key without the role, 429 over the rate limit.
/// </summary>
public sealed class ServerProblemException(int status, string title, string? detail)
    : Exception(detail is null ? $"{status} {title}" : $"{status} {title}: {detail}")
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The problem's title (or the status's reason phrase when the body had none).</summary>
    public string Title { get; } = title;

    /// <summary>The problem's detail, when it gave one.</summary>
    public string? Detail { get; } = detail;
}
