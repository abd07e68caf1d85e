using Elex.Core.Queries;

namespace Elex.Core.Responses;

/// <summary>
/// What every response carries whatever its status: which query it answers, how it was read and
/// when. The builder passes it to <see cref="QueryResponse"/>'s constructor, so a response is
/// allocated once with its status-specific parts instead of built and then copied.
/// </summary>
internal readonly record struct ResponseHeader(
    string ResponseId,
    string QueryId,
    string QueryText,
    ResponseStatus Status,
    IReadOnlyList<string> NamedFeatures,
    IReadOnlyList<string> ContextFeatures,
    bool ResolvedFromContext,
    QueryType QueryType,
    Complexity Complexity,
    double LatencyUs,
    double QueueUs,
    DateTimeOffset Timestamp);
