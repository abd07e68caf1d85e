using System.Text.RegularExpressions;

namespace Elex.Core.Catalog;

/// <summary>
/// Parameter and counter names that hold a slot rather than name anything: <c>zzzTemporary39</c>,
/// <c>zzzTemp20</c>, <c>pmZtemporary118</c>, <c>dummy4</c>. Node models reserve such attributes for
/// later use; no engineer sets or reads them, so an answer that lists one is noise.
/// </summary>
internal static partial class PlaceholderNames
{
    /// <summary>True when the name is a placeholder: a placeholder word (temp, temporary, dummy, placeholder, spare, unused, tbd, todo, fixme) with at most a zzz / pm prefix and an Ext or number suffix, or any name starting with zzz.</summary>
    public static bool IsPlaceholder(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Pattern().IsMatch(name);
    }

    // "zzz" sorts a reserved attribute last in the node's model; the rest is the word that says it is reserved.
    [GeneratedRegex(@"^(?:(?:pm)?z*(?:temp|temporary|dummy|placeholder|spare|unused|tbd|todo|fixme)(?:ext)?\d*|zzz.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
