using System.Globalization;
using Elex.Core.Queries;

namespace Elex.Cli;

/// <summary>
/// The tool refuses a question longer than <see cref="Query.MaxLength"/> before it reaches the swarm:
/// a pasted log or document is not a question, and answering one wastes a run and floods the output.
/// </summary>
internal static class QuestionLength
{
    /// <summary>Why the text is too long to be a question (to follow "the question"), or null when it is not.</summary>
    public static string? Problem(string text) => text.Length <= Query.MaxLength
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"is {text.Length:N0} characters; a question may have at most {Query.MaxLength:N0} — ask about one thing at a time");
}
