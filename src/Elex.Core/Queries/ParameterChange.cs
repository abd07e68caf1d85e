using System.Text.RegularExpressions;

namespace Elex.Core.Queries;

/// <summary>A parameter change a question asks for: "set sleepMode to 2 on cell X".</summary>
public sealed partial record ParameterChange(string Parameter, string Value, string? Target)
{
    /// <summary>Finds every "set P to V" / "P = V" request in a question, with the "on cell|node X" target if named.</summary>
    public static IReadOnlyList<ParameterChange> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var target = FindTarget(text);
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

    /// <summary>The node or cell a question names ("on node LTE01", "on cell X"), or null.</summary>
    public static string? FindTarget(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TargetPattern().Match(text) is { Success: true } t ? t.Groups["target"].Value.TrimEnd('.', ',', '?', '!') : null;
    }

    [GeneratedRegex(@"\b(?:set|change|configure|put)\s+(?:the\s+)?(?:parameter\s+)?(?<param>[A-Za-z][\w]*(?:\.[A-Za-z]\w*)?)\s+(?:to|=)\s+(?<value>-?[\w.:+-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"\b(?<param>[a-z][a-z0-9]*[A-Z]\w*(?:\.[A-Za-z]\w*)?)\s*=\s*(?<value>-?[\w.:+-]+)")]
    private static partial Regex AssignPattern();

    [GeneratedRegex(@"\bon\s+(?:the\s+)?(?:cell|node|site|enodeb|gnodeb|nodes?)\s+(?<target>[\w.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex TargetPattern();
}
