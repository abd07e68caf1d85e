using System.Text.RegularExpressions;

namespace Elex.Core.Agents;

/// <summary>
/// Words that ask whether switching a feature on is worth it ("is X worth enabling", "should I turn on X",
/// "what do I gain"): a judgement the catalog cannot make, which the answer says before the procedure.
/// </summary>
internal static partial class WorthCue
{
    public static bool IsAsked(string text) => Worth().IsMatch(text);

    [GeneratedRegex(@"\b(?:worth|pays?\s+off|benefits?|gains?|should\s+(?:i|we)\s+(?:enable|activate|turn\s+on|switch\s+on|deploy|use)|is\s+it\s+a\s+good\s+idea|recommend\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Worth();
}
