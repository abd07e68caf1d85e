using System.Text;

namespace Elex.Core.Safety;

/// <summary>
/// The built-in safe zones. <see cref="SafetyValidator.FeatureStateMo"/>.<see cref="SafetyValidator.FeatureStateParameter"/>
/// may be ACTIVATED or DEACTIVATED, always with an operator's approval; every boolean switch (a parameter
/// whose name ends in <c>Enabled</c>) that a feature of the embedded sample catalog introduces may be set
/// to true or false; a parameter whose range 3GPP fixes keeps to that range on any MO
/// (<c>cellReselectionPriority</c> 0–7, TS 36.331 / TS 38.331), with approval. The catalog gives no
/// value ranges, so no other numeric zone is invented: every other parameter has no zone, and a
/// change to it needs an operator's approval.
/// </summary>
/// <remarks>
/// The zones are an <c>elex-safe-zones/1</c> document (<see cref="Json"/>) read by <see cref="SafeZoneLoader"/>,
/// so they pass the same validation as a user's file. The list was generated once from
/// <see cref="Catalog.SampleCatalog"/>; a test checks that it still matches the sample.
/// </remarks>
public static class DefaultSafeZones
{
    /// <summary>The name reported as the defaults' source.</summary>
    public const string SourceName = "(built-in safe zones)";

    /// <summary>The defaults as an <c>elex-safe-zones/1</c> document.</summary>
    public const string Json =
        """
        {
          "schema": "elex-safe-zones/1",
          "description": "Built-in defaults: feature state needs approval; cellReselectionPriority stays within 3GPP 0..7, with approval; boolean *Enabled switches introduced by the sample catalog's features may be set to true or false. Every other parameter has no zone (NeedsApproval).",
          "zones": [
            {"mo": "FeatureState", "parameter": "featureState", "allowed": ["ACTIVATED", "DEACTIVATED"], "requiresApproval": true, "note": "Changing a licensed feature's state on a live node needs an operator's approval."},
            {"mo": "*", "parameter": "cellReselectionPriority", "min": 0, "max": 7, "step": 1, "requiresApproval": true, "note": "3GPP CellReselectionPriority is INTEGER (0..7) (TS 36.331, TS 38.331); a change moves idle-mode UEs between layers, so it needs approval."},
            {"mo": "MimoSleepFunction", "parameter": "portMergingEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by MIMO Sleep Mode (FAJ 121 3094)."},
            {"mo": "MimoSleepFunction", "parameter": "rank2Enabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by MIMO Sleep Mode (FAJ 121 3094) and LTE AI Powered MIMO Sleep Mode (FAJ 121 5296)."},
            {"mo": "EUtranCellFDD", "parameter": "voltePreschedulingEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by VoLTE Prescheduling (FAJ 121 5470)."},
            {"mo": "EUtranCellTDD", "parameter": "voltePreschedulingEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by VoLTE Prescheduling (FAJ 121 5470)."},
            {"mo": "EUtranFreqRelation", "parameter": "cioQci1Enabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Self-Organizing Networks (FAJ 121 3035)."},
            {"mo": "EUtranCellFDD", "parameter": "minInterfSchedEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Minimum Interference Scheduling (FAJ 121 5222)."},
            {"mo": "EUtranCellTDD", "parameter": "minInterfSchedEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Minimum Interference Scheduling (FAJ 121 5222)."},
            {"mo": "NRSectorCarrier", "parameter": "massiveMimoSleepEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by NR Massive MIMO Sleep Mode (FAJ 121 5094)."},
            {"mo": "QciProfileOperatorDefined", "parameter": "rohcEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Operator Defined QCI (FAJ 121 1892)."},
            {"mo": "QciProfileOperatorDefined", "parameter": "dataFwdPerQciEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Operator Defined QCI (FAJ 121 1892)."},
            {"mo": "ENodeBFunction", "parameter": "moranOnSingleBbEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Shared LTE RAN (FAJ 121 0860)."},
            {"mo": "GNBCUCPFunction", "parameter": "altDepHBoCSEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by NR Booster Carrier Sleep (FAJ 121 5625)."},
            {"mo": "NRCellRelation", "parameter": "epLoadMonitoringEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by NR Booster Carrier Sleep (FAJ 121 5625)."},
            {"mo": "QciProfileOperatorDefined", "parameter": "bitRateRecommendationEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by VoLTE Rate Recommendation (FAJ 121 5014)."},
            {"mo": "QciProfilePredefined", "parameter": "bitRateRecommendationEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by VoLTE Rate Recommendation (FAJ 121 5014)."},
            {"mo": "EUtranCellFDD", "parameter": "enhVolteRateRecommEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by VoLTE Rate Recommendation (FAJ 121 5014)."},
            {"mo": "EUtranCellTDD", "parameter": "enhVolteRateRecommEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by VoLTE Rate Recommendation (FAJ 121 5014)."},
            {"mo": "AnrFunctionEUtran", "parameter": "acquirePlmnIdListEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Automated Neighbor Relations (FAJ 121 0497)."},
            {"mo": "AnrFunction", "parameter": "detectObsoleteExtCellsEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Automated Neighbor Relations (FAJ 121 0497)."},
            {"mo": "AnrFunction", "parameter": "plmnWhiteListEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Automated Neighbor Relations (FAJ 121 0497)."},
            {"mo": "AnrFunction", "parameter": "plmnWhiteListGeranEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Automated Neighbor Relations (FAJ 121 0497)."},
            {"mo": "AnrFunction", "parameter": "plmnWhiteListUtranEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Automated Neighbor Relations (FAJ 121 0497)."},
            {"mo": "ENodeBFunction", "parameter": "separateEnGnbForMoranEnabled", "allowed": ["true", "false"], "requiresApproval": false, "note": "Boolean switch introduced by Automated Neighbor Relations (FAJ 121 0497)."}
          ]
        }
        """;

    private static readonly Lazy<SafeZoneSet> Defaults = new(() => SafeZoneLoader.Load(Encoding.UTF8.GetBytes(Json), SourceName));

    /// <summary>The default zones (loaded and validated once; the set is immutable).</summary>
    public static SafeZoneSet Load() => Defaults.Value;

    /// <summary>The defaults overridden by a user's safe-zone file (<see cref="SafeZoneSet.Merge"/>).</summary>
    /// <exception cref="SafeZoneException">The file is unreadable or invalid.</exception>
    public static SafeZoneSet LoadWith(string userFilePath) => Load().Merge(SafeZoneLoader.LoadFile(userFilePath));
}
