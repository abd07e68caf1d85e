using System.Collections.Frozen;

namespace Elex.Core.Text;

/// <summary>
/// Canonical forms for the abbreviations and spelling variants RAN engineers write, applied to
/// questions and to catalog text alike, so "UL CA" meets "Uplink Carrier Aggregation".
/// Feature acronyms are not listed here: the router learns them from the catalog.
/// </summary>
internal static class RanGlossary
{
    private static readonly FrozenDictionary<string, string[]> Expansions = new Dictionary<string, string[]>
    {
        ["ul"] = ["uplink"],
        ["dl"] = ["downlink"],
        ["ca"] = ["carrier", "aggregation"],
        ["ho"] = ["handover"],
        ["hos"] = ["handover"],
        ["lb"] = ["load", "balancing"],
        ["freq"] = ["frequency"],
        ["interfreq"] = ["inter", "frequency"],
        ["intrafreq"] = ["intra", "frequency"],
        ["bw"] = ["bandwidth"],
        ["cfg"] = ["configuration"],
        ["config"] = ["configuration"],
        ["param"] = ["parameter"],
        ["params"] = ["parameter"],
        ["perf"] = ["performance"],
        ["mgmt"] = ["management"],
        ["nbr"] = ["neighbor"],
        ["neighbour"] = ["neighbor"],
        ["neighbours"] = ["neighbor"],
        ["optimisation"] = ["optimization"],
        ["optimised"] = ["optimized"],
        ["prioritisation"] = ["prioritization"],
        ["priority"] = ["prioritization"],
        ["priorities"] = ["prioritization"],
        ["prioritize"] = ["prioritization"],
        ["prioritise"] = ["prioritization"],
        ["prioritized"] = ["prioritization"],
        ["prioritised"] = ["prioritization"],
        ["tx"] = ["transmission"],
        ["rx"] = ["reception"],
        ["ant"] = ["antenna"],
        ["pwr"] = ["power"],
        ["sa"] = ["standalone"],
        ["endc"] = ["en", "dc"],
        ["5g"] = ["nr"],
        ["4g"] = ["lte"],
        ["gsm"] = ["geran"],
        ["wcdma"] = ["wcdma"],
        ["umts"] = ["utran"],
        ["es"] = ["energy", "saving"],
        ["comp"] = ["coordinated", "multi", "point"],
        ["mu"] = ["multi", "user"],
        ["multiuser"] = ["multi", "user"],
        ["ifho"] = ["inter", "frequency", "handover"],
        ["irat"] = ["irat"],
        ["sleeping"] = ["sleep"],
        ["preschedule"] = ["prescheduling"],
        ["prescheduled"] = ["prescheduling"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Abbreviations every RAN engineer uses in passing; when a feature happens to have one as its
    // acronym (Static Routing "SR", Port Mirroring "PM"), the word alone does not name that feature.
    private static readonly FrozenSet<string> Everyday = new[]
    {
        "pm", "sr", "pc", "ca", "ue", "ues", "pbr", "qos", "kpi", "rrc", "mac", "rlc", "pdcp", "sib", "bsr", "harq", "cqi", "mcs",
        "prb", "ta", "ho", "dl", "ul", "enb", "gnb", "cell", "scell", "pcell", "ran", "rat", "irat", "sa", "nsa", "lte", "nr",
        "mimo", "tdd", "fdd", "ims", "plmn", "pci", "rsrp", "rsrq", "sinr", "srs", "pdu", "qci", "arp", "gbr", "ip", "tcp", "oam",
        "rf", "ru", "du", "cu", "bb", "es", "ai", "ml", "ss", "lb", "gps", "ptp", "ntp", "mbms", "ps", "cs", "sms", "mme", "amf",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for an abbreviation used in everyday RAN talk, which names no feature on its own.</summary>
    public static bool IsEveryday(string lowerWord) => Everyday.Contains(lowerWord);

    /// <summary>The canonical words for a lower-case word, or null when it has none.</summary>
    public static string[]? Expand(string lowerWord) => Expansions.GetValueOrDefault(lowerWord);
}
