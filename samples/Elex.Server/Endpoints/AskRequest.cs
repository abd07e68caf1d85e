using Elex.Core.Queries;

namespace Elex.Server.Endpoints;

/// <summary>The body of <c>POST /ask</c> and <c>POST /ask/stream</c>: the <c>elex ask --jsonl</c> input line.</summary>
internal sealed record AskRequest(string? Text, string? Id = null, QueryType? Type = null, Complexity? Complexity = null, bool All = false)
{
    /// <summary>The query, or what is wrong with the request.</summary>
    public (Query? Query, string? Problem) ToQuery()
    {
        if (string.IsNullOrWhiteSpace(Text)) return (null, "'text' is required: the question to ask.");
        if (Text.Length > Query.MaxLength) return (null, $"'text' is {Text.Length} characters; a question has at most {Query.MaxLength}.");
        return (new Query(Text, Type, Complexity, Id) { All = All }, null);
    }
}
