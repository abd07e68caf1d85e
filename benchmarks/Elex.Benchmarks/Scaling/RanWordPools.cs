namespace Elex.Benchmarks.Scaling;

/// <summary>RAN-flavoured vocabulary the synthetic catalog draws names and identifiers from.</summary>
internal static class RanWordPools
{
    public static readonly string[] Prefixes =
    [
        "Uplink", "Downlink", "NR", "LTE", "Dynamic", "Adaptive", "Enhanced", "Advanced", "Intelligent", "Multi-Carrier",
        "Cross-Band", "Inter-Frequency", "Intra-Frequency", "Massive", "Coordinated", "Predictive", "Flexible", "Extended",
        "Automatic", "Smart", "Fast", "Low-Latency", "High-Speed", "Energy-Efficient", "Cell-Level", "UE-Specific",
        "Carrier-Based", "Beam-Based", "Traffic-Aware", "Load-Aware", "Distributed", "Centralized", "Selective", "Joint",
    ];

    public static readonly string[] Cores =
    [
        "Carrier Aggregation", "Power Control", "Scheduling", "Handover", "Load Balancing", "Beamforming", "MIMO Sleep",
        "DRX", "Link Adaptation", "Interference Rejection", "Admission Control", "Channel Estimation", "Mobility Robustness",
        "Random Access", "Paging", "Timing Advance", "Spectrum Sharing", "Dual Connectivity", "Coverage Extension",
        "Resource Partitioning", "Congestion Control", "Bearer Management", "Measurement Reporting", "Cell Reselection",
        "Uplink Split", "QoS Differentiation", "Frequency Hopping", "Neighbor Relations", "Energy Saving", "Sleep Mode",
        "Packet Duplication", "Header Compression", "Positioning", "SRS Configuration", "CSI Reporting", "PDCCH Allocation",
        "PUCCH Dimensioning", "VoLTE Optimization", "Radio Link Monitoring", "Rank Adaptation", "Multi-User MIMO",
        "Cell Sleep", "Antenna Tilt", "Band Steering", "Traffic Steering", "Capacity Management", "Outer Loop Adjustment",
        "Preemption", "Slice Admission", "Inactivity Timer",
    ];

    public static readonly string[] Qualifiers =
    [
        "for FDD", "for TDD", "Extension", "Optimization", "Support", "Enhancement", "Phase 2", "Mode", "Control",
        "Function", "with Prioritization", "Management", "Monitoring", "Trigger", "Policy", "for Massive MIMO",
        "for Small Cells", "for High-Speed Trains", "for IoT", "for Voice", "Fallback", "Coordination", "Tuning", "Offload",
        "Reporting",
    ];

    public static readonly string[] Domains =
    [
        "NR/5G", "Radio Resource Management", "Mobility & Handover", "Carrier Aggregation", "MIMO & Antenna",
        "Coverage & Capacity", "Transport & Connectivity", "Voice & IMS", "Energy Saving", "Interference Management",
        "QoS & Scheduling", "Security", "UE Handling", "Timing & Sync", "Positioning", "Other",
    ];

    public static readonly string[] Mos =
    [
        "EUtranCellFDD", "EUtranCellTDD", "NRCellDU", "NRCellCU", "ENodeBFunction", "GNBDUFunction", "GNBCUCPFunction",
        "SectorCarrier", "NRSectorCarrier", "EUtranFreqRelation", "NRFreqRelation", "UeMeasControl",
        "ReportConfigEUtraInterFreq", "QciProfilePredefined", "RadioBearerTable", "MimoSleepFunction",
        "CarrierAggregationFunction", "AnrFunction", "PmUeMeasControl", "TermPointToENB",
    ];

    public static readonly string[] AttributeNouns =
    [
        "Threshold", "Timer", "Offset", "Enabled", "Mode", "Max", "Min", "Hysteresis", "Priority", "Weight", "Margin",
        "Period", "Level", "Factor", "Limit", "Ratio", "Step", "Window",
    ];

    public static readonly string[] CounterStems = ["Succ", "Att", "Fail", "Time", "Distr", "Sum", "Samp", "Max", "Active", "Drop"];

    public static readonly string[] KpiSubjects =
    [
        "Accessibility", "Retainability", "Integrity", "Mobility", "Availability", "Latency", "DL throughput",
        "UL throughput", "Cell throughput", "Spectral efficiency", "Energy consumption", "Handover success rate",
        "RACH success rate", "Call setup success rate", "Drop rate",
    ];

    public static readonly string[] KpiQualifiers = ["", " per cell", " per UE", " at cell edge", " in busy hour", " (VoLTE)"];

    public static readonly string[] Releases = ["22.Q4", "23.Q1", "23.Q2", "23.Q3", "23.Q4", "24.Q1", "24.Q2", "24.Q3", "24.Q4", "25.Q1", "25.Q2"];

    /// <summary>How engineers abbreviate name words inside identifiers.</summary>
    public static readonly Dictionary<string, string> IdentifierAbbreviations = new(StringComparer.Ordinal)
    {
        ["Uplink"] = "ul", ["Downlink"] = "dl", ["Inter-Frequency"] = "interFreq", ["Intra-Frequency"] = "intraFreq",
        ["Carrier"] = "carr", ["Aggregation"] = "aggr", ["Control"] = "ctrl", ["Configuration"] = "conf",
        ["Measurement"] = "meas", ["Frequency"] = "freq", ["Management"] = "mgmt", ["Reporting"] = "rep",
        ["Optimization"] = "opt", ["Neighbor"] = "nb", ["Relations"] = "rel", ["Power"] = "pwr",
    };
}
