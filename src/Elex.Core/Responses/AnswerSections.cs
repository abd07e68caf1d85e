namespace Elex.Core.Responses;

/// <summary>
/// Splits an answer's text into its sections. The agents compose text line by line: a line that
/// starts at the margin opens a new topic, indented lines and list items ("1. …", "- …") belong to
/// the line above them, and a blank line only separates. So the split needs no markup in the text,
/// and every answer — also one reshaped by a response strategy — splits the same way.
/// </summary>
public static class AnswerSections
{
    // A label longer than this is a sentence that happens to hold a colon, not a heading.
    private const int MaxTitleLength = 60;

    /// <summary>The sections of <paramref name="text"/>, in order; none for empty text.</summary>
    public static IReadOnlyList<AnswerSection> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sections = new List<AnswerSection>();
        List<string>? lines = null;
        foreach (var line in text.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Close(sections, ref lines);
                continue;
            }
            if (lines is not null && !ContinuesAbove(line)) Close(sections, ref lines);
            (lines ??= []).Add(line);
        }
        Close(sections, ref lines);
        return sections;
    }

    /// <summary>The label before the line's first colon when it reads as a heading, else empty.</summary>
    public static string TitleOf(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > MaxTitleLength) return "";
        var label = line[..colon];
        // "… is an LTE feature. Licence key: …" is a sentence, not a heading.
        return label.Contains(". ", StringComparison.Ordinal) ? "" : label.Trim();
    }

    private static bool ContinuesAbove(string line) =>
        char.IsWhiteSpace(line[0]) || line.StartsWith("- ", StringComparison.Ordinal) || IsNumberedItem(line);

    private static bool IsNumberedItem(string line)
    {
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        return digits > 0 && digits + 1 < line.Length && line[digits] == '.' && line[digits + 1] == ' ';
    }

    private static void Close(List<AnswerSection> sections, ref List<string>? lines)
    {
        if (lines is null) return;
        sections.Add(new AnswerSection(TitleOf(lines[0]), lines));
        lines = null;
    }
}
