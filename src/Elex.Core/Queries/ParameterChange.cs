using System.Text.RegularExpressions;

namespace Elex.Core.Queries;

/// <summary>A parameter change a question asks for: "set sleepMode to 2 on cell X".</summary>
internal sealed partial record ParameterChange(string Parameter, string Value, CommandTarget Target)
{
    /// <summary>Finds every "set P to V" / "P = V" request in a question, with the node and MO instance the question names.</summary>
    public static IReadOnlyList<ParameterChange> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var target = CommandTarget.Find(text);
        var changes = new List<ParameterChange>();
        foreach (Match m in SetPattern().Matches(text))
            changes.Add(new ParameterChange(m.Groups["param"].Value, m.Groups["value"].Value.TrimEnd('.', ',', '?'), target));
        if (changes.Count == 0)
        {
            foreach (Match m in AssignPattern().Matches(text))
                changes.Add(new ParameterChange(m.Groups["param"].Value, m.Groups["value"].Value.TrimEnd('.', ',', '?'), target));
        }
        return changes;
    }

    [GeneratedRegex(@"\b(?:set|change|configure|put)\s+(?:the\s+)?(?:parameter\s+)?(?<param>[A-Za-z][\w]*(?:\.[A-Za-z]\w*)?)\s+(?:to|=)\s+(?<value>-?[\w.:+-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"\b(?<param>[a-z][a-z0-9]*[A-Z]\w*(?:\.[A-Za-z]\w*)?)\s*=\s*(?<value>-?[\w.:+-]+)")]
    private static partial Regex AssignPattern();
}
