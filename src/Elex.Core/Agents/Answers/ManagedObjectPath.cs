namespace Elex.Core.Agents;

/// <summary>
/// Where common managed-object classes sit in an Ericsson node's MO tree, for answers that show
/// the path to a parameter. Only classes whose place is standard are listed; the catalog itself
/// holds no paths, so other classes get none rather than a guess.
/// </summary>
internal static class ManagedObjectPath
{
    private static readonly Dictionary<string, string> Parents = new(StringComparer.Ordinal)
    {
        ["ENodeBFunction"] = "ManagedElement=<node>",
        ["GNBDUFunction"] = "ManagedElement=<node>",
        ["GNBCUCPFunction"] = "ManagedElement=<node>",
        ["GNBCUUPFunction"] = "ManagedElement=<node>",
        ["EUtranCellFDD"] = "ENodeBFunction",
        ["EUtranCellTDD"] = "ENodeBFunction",
        ["SectorCarrier"] = "ENodeBFunction",
        ["AnrFunction"] = "ENodeBFunction",
        ["LoadBalancingFunction"] = "ENodeBFunction",
        ["CarrierAggregationFunction"] = "ENodeBFunction",
        ["AdmissionControl"] = "ENodeBFunction",
        ["EUtranFreqRelation"] = "EUtranCellFDD",
        ["UtranFreqRelation"] = "EUtranCellFDD",
        ["EUtranCellRelation"] = "EUtranFreqRelation",
        ["GUtranFreqRelation"] = "EUtranCellFDD",
        ["GUtranCellRelation"] = "GUtranFreqRelation",
        ["GeranFreqGroupRelation"] = "EUtranCellFDD",
        ["UtranCellRelation"] = "UtranFreqRelation",
        ["UeMeasControl"] = "EUtranCellFDD",
        ["NRCellDU"] = "GNBDUFunction",
        ["NRSectorCarrier"] = "GNBDUFunction",
        ["NRCellCU"] = "GNBCUCPFunction",
        ["NRFreqRelation"] = "NRCellCU",
        ["NRCellRelation"] = "NRCellCU",
    };

    /// <summary>The class <paramref name="mo"/> sits under, or null when its place is not standard knowledge here.</summary>
    public static string? ParentOf(string mo) =>
        Parents.TryGetValue(mo, out var parent) && !parent.StartsWith("ManagedElement", StringComparison.Ordinal) ? parent : null;

    /// <summary>The path from ManagedElement to <paramref name="mo"/>, or null when its place is not standard knowledge here.</summary>
    public static string? Of(string mo)
    {
        if (!Parents.ContainsKey(mo)) return null;
        var parts = new List<string>();
        for (var cls = mo; Parents.TryGetValue(cls, out var parent); cls = parent)
        {
            parts.Add($"{cls}={Instance(cls)}");
            if (parent.StartsWith("ManagedElement", StringComparison.Ordinal))
            {
                parts.Add(parent);
                break;
            }
        }
        parts.Reverse();
        return string.Join(',', parts);
    }

    private static string Instance(string cls) =>
        cls.EndsWith("Function", StringComparison.Ordinal) || cls is "AdmissionControl" or "UeMeasControl" ? "1"
        : ManagedObjectRef.IsCell(cls) ? "<cell>" : "<id>";
}
