using System.Text.RegularExpressions;
using Elex.Core.Catalog;
using Elex.Core.Text;

namespace Elex.Core.Agents;

/// <summary>
/// A family of KPIs a network is reported by (accessibility, retainability, mobility, throughput, latency,
/// availability): the words a question names it by, how a KPI's name in the catalog shows it, and which PM
/// counters measure it by their name. "Is there a KPI for VoLTE retainability" is answered by whether the
/// feature has one, which of its counters measure it, and which features do have one — not by the feature's
/// other KPIs.
/// </summary>
internal sealed partial class KpiFamily
{
    private readonly HashSet<string> _cues;
    private readonly string[] _kpiMarkers;
    private readonly Regex _counters;

    private KpiFamily(string name, string cues, string[] kpiMarkers, Regex counters)
    {
        Name = name;
        _cues = new HashSet<string>(TermAnalyzer.Terms(cues, keepStopWords: true), StringComparer.Ordinal);
        _kpiMarkers = kpiMarkers;
        _counters = counters;
    }

    /// <summary>The family's name as an engineer says it ("retainability").</summary>
    public string Name { get; }

    /// <summary>The families the operator's KPI reports are grouped by.</summary>
    public static IReadOnlyList<KpiFamily> All { get; } =
    [
        new("retainability", "retainability retain retained drop drops dropped dropping abnormal", ["retainab", "drop"], RetainabilityCounters()),
        new("accessibility", "accessibility accessible access establishment establish setup attach", ["accessib", "access success", "setup success", "rach success", "msg1 success"], AccessibilityCounters()),
        new("mobility", "mobility handover handovers ho", ["mobility", "handover", "change success"], MobilityCounters()),
        new("throughput", "throughput bitrate speed volume", ["throughput", "volume"], ThroughputCounters()),
        new("latency", "latency delay delays", ["latency", "delay"], LatencyCounters()),
        new("availability", "availability available unavailable unavailability outage downtime", ["availab"], AvailabilityCounters()),
    ];

    /// <summary>The families the question asks about, in the order of <see cref="All"/>.</summary>
    public static List<KpiFamily> AskedIn(AnswerContext context)
    {
        var asked = new List<KpiFamily>();
        foreach (var family in All)
        {
            foreach (var term in context.Terms)
            {
                if (!family._cues.Contains(term)) continue;
                asked.Add(family);
                break;
            }
        }
        return asked;
    }

    /// <summary>True when a KPI's name in the catalog belongs to this family.</summary>
    public bool Names(string kpi)
    {
        foreach (var marker in _kpiMarkers)
            if (kpi.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>True when a PM counter's name says it measures this family.</summary>
    public bool Measures(FeatureCounter counter) => _counters.IsMatch(counter.Name);

    /// <summary>True when one of the feature's counters measures this family.</summary>
    public bool MeasuredBy(Feature f)
    {
        foreach (var c in f.Counters) if (Measures(c)) return true;
        return false;
    }

    /// <summary>The features (other than <paramref name="except"/>) with a KPI of this family, in catalog order.</summary>
    public List<Feature> FeaturesWithKpi(FeatureCatalog catalog, Feature except)
    {
        var withKpi = _featuresWithKpi.GetValue(catalog, FindFeaturesWithKpi);
        var found = new List<Feature>(withKpi.Length);
        foreach (var f in withKpi) if (f != except) found.Add(f);
        return found;
    }

    // Found once per catalog: a family question would otherwise read every feature's KPI names.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<FeatureCatalog, Feature[]> _featuresWithKpi = new();

    private Feature[] FindFeaturesWithKpi(FeatureCatalog catalog)
    {
        var found = new List<Feature>();
        foreach (var f in catalog.Features)
        {
            foreach (var k in f.Kpis)
            {
                if (!Names(k)) continue;
                found.Add(f);
                break;
            }
        }
        return [.. found];
    }

    // E-RAB/UE context releases the node did not intend (abnormal), drops and lost UEs.
    [GeneratedRegex("Abnormal|Drop|Retain", RegexOptions.CultureInvariant)]
    private static partial Regex RetainabilityCounters();

    // Establishment and set-up attempts/successes, random access.
    [GeneratedRegex("Estab|Setup|RaAtt|RaSucc|Rach|Msg1", RegexOptions.CultureInvariant)]
    private static partial Regex AccessibilityCounters();

    // Handover preparation and execution.
    [GeneratedRegex("Ho[A-Z]|Handover|Mobility", RegexOptions.CultureInvariant)]
    private static partial Regex MobilityCounters();

    // Throughput time and data volume.
    [GeneratedRegex("Thp|Vol[A-Z]|Volume", RegexOptions.CultureInvariant)]
    private static partial Regex ThroughputCounters();

    [GeneratedRegex("Latency|Lat[A-Z]|Delay", RegexOptions.CultureInvariant)]
    private static partial Regex LatencyCounters();

    [GeneratedRegex("Unavail|Avail|Downtime|Outage", RegexOptions.CultureInvariant)]
    private static partial Regex AvailabilityCounters();
}
