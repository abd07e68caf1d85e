using System.Text.RegularExpressions;

namespace Elex.Core.Queries;

/// <summary>
/// Where a command is meant to act, as the question names it: the node ("node RBS1",
/// "ManagedElement=RBS1"), and an MO instance ("EUtranCellFDD=CELL1") or a cell by name only
/// ("cell CELL1", class unknown). Every part may be missing; commands then carry placeholders.
/// </summary>
internal sealed partial record CommandTarget(string? Node, string? MoClass, string? Instance)
{
    /// <summary>Nothing named.</summary>
    public static CommandTarget None { get; } = new(null, null, null);

    /// <summary>True when the question named nothing a command could use.</summary>
    public bool IsEmpty => Node is null && Instance is null;

    /// <summary>Reads the node and MO instance a question names.</summary>
    public static CommandTarget Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? node = null, moClass = null, instance = null;
        // Match by match: a question that names no MO instance allocates nothing (a failed match is Match.Empty).
        // Only a question with an '=' can name one, and most have none: the regex's scan is skipped for them.
        for (var m = text.Contains('=') ? MoInstance().Match(text) : Match.Empty; m.Success; m = m.NextMatch())
        {
            var cls = m.Groups["mo"].Value;
            var id = Clean(m.Groups["id"].Value);
            if (cls.Equals("ManagedElement", StringComparison.OrdinalIgnoreCase) || cls.Equals("MeContext", StringComparison.OrdinalIgnoreCase) || cls.Equals("NetworkElement", StringComparison.OrdinalIgnoreCase))
                node ??= id;
            else if (instance is null && !IsParameterAssignment(cls))
            {
                moClass = cls;
                instance = id;
            }
        }
        if (NodeWord().Match(text) is { Success: true } n) node ??= Clean(n.Groups["id"].Value);
        if (instance is null && CellWord().Match(text) is { Success: true } c) instance = Clean(c.Groups["id"].Value);
        return node is null && instance is null ? None : new CommandTarget(node, moClass, instance);
    }

    // "sleepMode=2" looks like Class=id; an MO class starts with a capital, a parameter does not.
    private static bool IsParameterAssignment(string name) => !char.IsUpper(name[0]);

    private static string Clean(string id) => id.TrimEnd('.', ',', '?', '!', ';', ':');

    [GeneratedRegex(@"\b(?<mo>[A-Za-z][A-Za-z0-9]*)=(?<id>[\w.:-]+)")]
    private static partial Regex MoInstance();

    // An id must look like one (a digit, a capital or an underscore, or a single letter), so that
    // "node level" or "cell parameters" are not read as names.
    [GeneratedRegex(@"\b(?i:node|site|enodeb|gnodeb|enb|gnb)\s+(?<id>(?=[\w.-]*[A-Z0-9_])[A-Za-z0-9][\w.-]*|(?![aAI]\b)[A-Za-z]\b)")]
    private static partial Regex NodeWord();

    [GeneratedRegex(@"\b(?i:cell)\s+(?<id>(?=[\w.-]*[A-Z0-9_])[A-Za-z0-9][\w.-]*|(?![aAI]\b)[A-Za-z]\b)")]
    private static partial Regex CellWord();
}
