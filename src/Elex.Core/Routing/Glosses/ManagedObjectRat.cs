namespace Elex.Core.Routing.Glosses;

/// <summary>The radio technology a managed-object class belongs to, read from Ericsson's MO naming.</summary>
internal static class ManagedObjectRat
{
    private static readonly string[] LtePrefixes = ["EUtran", "ENodeB", "ExternalEUtran", "ExternalENodeB", "Lte", "TermPointToENB"];
    private static readonly string[] NrPrefixes = ["NRCell", "NRSector", "NRFreq", "NRNetwork", "NRSynch", "GNBDU", "GNBCU", "ExternalGNB", "ExternalNR", "TermPointToGNB", "Nr"];

    /// <summary>LTE, NR, or Any for node-level and shared classes.</summary>
    public static Rat Of(string mo)
    {
        ArgumentNullException.ThrowIfNull(mo);
        foreach (var p in LtePrefixes) if (mo.StartsWith(p, StringComparison.Ordinal)) return Rat.Lte;
        foreach (var p in NrPrefixes) if (mo.StartsWith(p, StringComparison.Ordinal)) return Rat.Nr;
        return Rat.Any;
    }
}
