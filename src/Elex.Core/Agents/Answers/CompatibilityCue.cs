using System.Text.RegularExpressions;

namespace Elex.Core.Agents;

/// <summary>
/// Words that ask whether features can run together ("compatible", "together", "at the same time",
/// "conflict"): a comparison asked this way wants the yes or no first, not a side-by-side table.
/// </summary>
internal static partial class CompatibilityCue
{
    public static bool IsAsked(string text) => Compatibility().IsMatch(text);

    [GeneratedRegex(@"\b(?:compatib\w*|incompatib\w*|co-?exist\w*|together|at the same time|simultaneous(?:ly)?|alongside|in parallel|conflicts?|conflicting|clash(?:es)?|mutually exclusive|interact(?:s|ion|ions)?|combined?|combination)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Compatibility();
}
