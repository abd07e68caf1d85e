using Elex.Core.Queries;

namespace Elex.Core.Agents;

/// <summary>
/// The MO a parameter command addresses on a node: the instance the question named
/// (<c>EUtranCellFDD=CELL1</c>), the one instance of a node-level function (<c>LoadBalancingFunction</c>),
/// or a placeholder instance (<c>EUtranCellFDD=&lt;CELL&gt;</c>) — never every instance of a
/// multi-instance class unless the question asked for it.
/// </summary>
internal static class ManagedObjectRef
{
    /// <summary>The placeholder for a cell instance.</summary>
    public const string CellPlaceholder = "<CELL>";

    /// <summary>The placeholder for any other MO instance.</summary>
    public const string InstancePlaceholder = "<ID>";

    // Children of a cell with a single instance each: addressed below the cell the question names.
    private static readonly HashSet<string> CellSingletons = new(StringComparer.Ordinal) { "UeMeasControl" };

    /// <summary>The MO reference for <paramref name="mo"/> and whether it still holds a placeholder.</summary>
    public static (string Reference, bool HasPlaceholder) For(string mo, CommandTarget target)
    {
        ArgumentNullException.ThrowIfNull(mo);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Instance is { } instance)
        {
            if (target.MoClass is { } named)
            {
                if (string.Equals(named, mo, StringComparison.OrdinalIgnoreCase)) return ($"{mo}={instance}", false);
                if (CellSingletons.Contains(mo) && IsCell(named)) return ($"{named}={instance},{mo}=1", false);
                // A relation under the cell the question names: keep the cell, leave the relation to name.
                if (ManagedObjectPath.ParentOf(mo) is { } parent && (string.Equals(parent, named, StringComparison.OrdinalIgnoreCase) || (IsCell(parent) && IsCell(named))))
                    return ($"{named}={instance},{mo}={InstancePlaceholder}", true);
            }
            else if (IsCell(mo)) return ($"{mo}={instance}", false);
            else if (CellSingletons.Contains(mo)) return ($"{UeMeasControlParent}={instance},{mo}=1", true);
            // "for cell C2" and a relation of a cell: the relation under that cell, left to name.
            else if (UnderCell(mo, instance) is { } reference) return (reference, true);
        }
        if (IsNodeFunction(mo)) return (mo, false);
        if (CellSingletons.Contains(mo)) return ($"{UeMeasControlParent}={CellPlaceholder},{mo}=1", true);
        return ($"{mo}={(IsCell(mo) ? CellPlaceholder : InstancePlaceholder)}", true);
    }

    // The cell instance named, then every class between it and mo as a placeholder:
    // EUtranCellFDD=C2,GUtranFreqRelation=<ID>,GUtranCellRelation=<ID>; null when mo is not below a cell.
    private static string? UnderCell(string mo, string instance)
    {
        var chain = new List<string> { mo };
        for (var cls = ManagedObjectPath.ParentOf(mo); cls is not null; cls = ManagedObjectPath.ParentOf(cls))
        {
            if (IsCell(cls))
            {
                chain.Reverse();
                return $"{cls}={instance}," + string.Join(",", chain.Select(c => $"{c}={InstancePlaceholder}"));
            }
            chain.Add(cls);
        }
        return null;
    }

    /// <summary>True for a cell class (EUtranCellFDD/TDD, NRCellDU/CU, UtranCell …), not a relation to one.</summary>
    public static bool IsCell(string mo) =>
        (mo.StartsWith("EUtranCell", StringComparison.Ordinal) || mo.StartsWith("NRCell", StringComparison.Ordinal)
         || mo is "UtranCell" or "GeranCell")
        && !mo.EndsWith("Relation", StringComparison.Ordinal);

    // A node has one instance of each *Function MO (ENodeBFunction, LoadBalancingFunction, …),
    // so addressing the class addresses that one instance.
    private static bool IsNodeFunction(string mo) => mo.EndsWith("Function", StringComparison.Ordinal);

    // UeMeasControl is an LTE cell child; the FDD cell is the common case when no class is named.
    private const string UeMeasControlParent = "EUtranCellFDD";
}
