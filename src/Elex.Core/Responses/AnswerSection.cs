namespace Elex.Core.Responses;

/// <summary>
/// One section of an answer's text: a heading line and what belongs under it (a paragraph, or a
/// managed object's path with its indented parameter lists). Sections are the units an answer is
/// shown by as it arrives; their lines, in order, are the answer's text without its blank lines.
/// </summary>
/// <param name="Title">What the section is about: the label before the first line's colon ("Requires (in activation order)"), else empty.</param>
/// <param name="Lines">The section's lines exactly as they are in the answer's text (the first one included).</param>
public sealed record AnswerSection(string Title, IReadOnlyList<string> Lines)
{
    /// <summary>The section's lines joined by newlines.</summary>
    public string Text => string.Join('\n', Lines);

    /// <summary>Sections are equal when their titles and lines are (a record would compare the lists by reference).</summary>
    public bool Equals(AnswerSection? other) =>
        other is not null && Title == other.Title && Lines.SequenceEqual(other.Lines, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Title, Lines.Count, Lines.Count > 0 ? Lines[0] : "");
}
