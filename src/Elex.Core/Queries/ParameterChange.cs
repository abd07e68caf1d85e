using System.Text.RegularExpressions;

namespace Elex.Core.Queries;

/// <summary>A parameter change a question asks for: "set sleepMode to 2 on cell X".</summary>
internal sealed partial record ParameterChange(string Parameter, string Value, CommandTarget Target)
{
    /// <summary>Finds every "set P to V" / "P = V" request in a question, with the node and MO instance the question names.</summary>
    public static IReadOnlyList<ParameterChange> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Most questions ask for no change: a failed match is Match.Empty, so they allocate nothing here.
        // The assignment pattern is only tried where an '=' is: its backtracking costs ~2.6 KB a scan.
        var first = SetPattern().Match(text);
        if (!first.Success && text.Contains('=')) first = AssignPattern().Match(text);
        if (!first.Success) return [];
        var target = CommandTarget.Find(text);
        var changes = new List<ParameterChange>();
        for (var m = first; m.Success; m = m.NextMatch())
            changes.Add(new ParameterChange(m.Groups["param"].Value, m.Groups["value"].Value.TrimEnd('.', ',', '?'), target));
        return changes;
    }

    // "set P to V"; and with a parameter written as one (camelCase, or Mo.name): more verbs ("roll back", "lower",
    // "increase") and where it goes between the two ("set sleepMode on NRCellDU=12 of node GNB7 to 2") — a plain
    // word there ("increase throughput to 100") is not a parameter.
    [GeneratedRegex(@"\b(?:(?:set|change|configure|put)\s+(?:the\s+)?(?:parameter\s+)?(?<param>[A-Za-z][\w]*(?:\.[A-Za-z]\w*)?)|(?:set|change|configure|put|modify|update|revert|roll\s*back|restore|increase|decrease|raise|lower|reduce)\s+(?:the\s+)?(?:parameter\s+)?(?-i:(?<param>(?:[A-Z]\w*\.)?[a-z][a-z0-9]*[A-Z]\w*))(?:\s+(?:on|for|in|at|of|under)\s+[^,;?]{1,60}?)?)\s+(?:to|=)\s+(?<value>-?[\w.:+-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SetPattern();

    /// <summary>The "set P to V" forms <see cref="Find"/> reads, for the classifier's cue.</summary>
    public static Regex ChangePattern => SetPattern();

    [GeneratedRegex(@"\b(?<param>[a-z][a-z0-9]*[A-Z]\w*(?:\.[A-Za-z]\w*)?)\s*=\s*(?<value>-?[\w.:+-]+)")]
    private static partial Regex AssignPattern();
}
