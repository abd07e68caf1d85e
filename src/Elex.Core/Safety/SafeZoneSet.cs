using System.Diagnostics.CodeAnalysis;

namespace Elex.Core.Safety;

/// <summary>
/// An immutable set of safe zones, at most one per <c>Mo.parameter</c>. Lookup is case-insensitive:
/// the exact (Mo, parameter) zone first, then the parameter's any-MO (<c>"*"</c>) zone.
/// </summary>
public sealed class SafeZoneSet
{
    /// <summary>The source name of zones built in code.</summary>
    public const string InCode = "(in code)";

    private readonly Dictionary<string, SafeZone> _byKey;

    /// <summary>Builds a set, applying the same rules as the loader.</summary>
    /// <param name="zones">The zones; one per <c>Mo.parameter</c>.</param>
    /// <param name="source">Where the zones come from (a path, or a name).</param>
    /// <exception cref="SafeZoneException">A zone is inconsistent or two zones share a <c>Mo.parameter</c>; every error is listed.</exception>
    public SafeZoneSet(IEnumerable<SafeZone> zones, string source = InCode)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(source);
        var list = zones.ToList();
        var issues = new List<SafeZoneIssue>();
        _byKey = new Dictionary<string, SafeZone>(list.Count, StringComparer.Ordinal);
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var zone = list[i];
            if (zone is null)
            {
                issues.Add(new(i, null, "(zone)", "is null"));
                continue;
            }
            foreach (var (field, message) in zone.Problems())
                issues.Add(new(i, zone.QualifiedName, field, message));
            var key = KeyOf(zone.Mo ?? "", zone.Parameter ?? "");
            if (!firstIndex.TryAdd(key, i))
                issues.Add(new(i, zone.QualifiedName, "parameter", $"duplicates zones[{firstIndex[key]}]: each Mo.parameter may have one zone (compared case-insensitively)"));
            else
                _byKey.Add(key, zone);
        }
        if (issues.Count > 0) throw new SafeZoneException(source, issues);
        Zones = list;
        Source = source;
    }

    /// <summary>A set without zones: every change then needs an operator's approval.</summary>
    public static SafeZoneSet Empty { get; } = new([], "(empty)");

    /// <summary>Where the zones come from.</summary>
    public string Source { get; }

    /// <summary>The zones, in their original order.</summary>
    public IReadOnlyList<SafeZone> Zones { get; }

    /// <summary>Number of zones.</summary>
    public int Count => Zones.Count;

    /// <summary>
    /// The zone for <paramref name="parameter"/> on <paramref name="mo"/>: the exact zone, else the
    /// parameter's any-MO zone, else null. A null or blank MO finds only an any-MO zone.
    /// </summary>
    public SafeZone? Find(string? mo, string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var p = parameter.Trim();
        if (!string.IsNullOrWhiteSpace(mo) && _byKey.TryGetValue(KeyOf(mo, p), out var exact)) return exact;
        return _byKey.GetValueOrDefault(KeyOf(SafeZone.AnyMo, p));
    }

    /// <summary>Finds the zone as <see cref="Find"/> does.</summary>
    public bool TryFind(string? mo, string parameter, [NotNullWhen(true)] out SafeZone? zone) =>
        (zone = Find(mo, parameter)) is not null;

    /// <summary>
    /// These zones overridden by <paramref name="user"/>'s: a user zone replaces the zone with the same
    /// <c>Mo.parameter</c> (case-insensitive); the user's other zones are added. A user's any-MO zone
    /// does not replace an exact default zone, since exact zones are looked up first.
    /// </summary>
    public SafeZoneSet Merge(SafeZoneSet user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var merged = Zones.Select(z => user._byKey.GetValueOrDefault(KeyOf(z.Mo, z.Parameter)) ?? z).ToList();
        merged.AddRange(user.Zones.Where(z => !_byKey.ContainsKey(KeyOf(z.Mo, z.Parameter))));
        return new SafeZoneSet(merged, $"{Source} + {user.Source}");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Count} safe zone(s) from {Source}";

    internal static string KeyOf(string mo, string parameter) =>
        $"{mo.Trim().ToUpperInvariant()}\n{parameter.Trim().ToUpperInvariant()}";
}
