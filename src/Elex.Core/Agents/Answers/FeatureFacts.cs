using System.Runtime.CompilerServices;
using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Text;

namespace Elex.Core.Agents;

/// <summary>
/// What answers derive from one feature's catalog entry — its RAT, parameters and counters grouped
/// by managed object, the words and lookup keys of each name, the evidence line of each fact —
/// computed once per feature, so composing an answer mostly copies prepared strings.
/// </summary>
internal sealed class FeatureFacts
{
    private static readonly ConditionalWeakTable<Feature, FeatureFacts> Cache = new();

    private readonly Dictionary<FeatureParameter, string> _parameterEvidence = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<FeatureCounter, string> _counterEvidence = new(ReferenceEqualityComparer.Instance);

    private FeatureFacts(Feature f)
    {
        Rat = RatOf(f.Parameters.Where(p => p.Role != ParameterRole.Referenced).Select(p => p.Mo).Concat(f.Counters.Select(c => c.Mo)));
        // A feature that only references other functions' parameters still shows its RAT through them.
        if (Rat == Rat.Any) Rat = RatOf(f.Parameters.Select(p => p.Mo));
        ParameterTerms = f.Parameters.Select(p => Terms(p.Name)).ToArray();
        ParameterKeys = f.Parameters.Select(p => Tokenizer.LookupKey(p.Name)).ToArray();
        CounterTerms = f.Counters.Select(c => Terms(c.Name)).ToArray();
        CounterKeys = f.Counters.Select(c => Tokenizer.LookupKey(c.Name)).ToArray();
        ParameterRats = f.Parameters.Select(p => ManagedObjectRat.Of(p.Mo)).ToArray();
        CounterRats = f.Counters.Select(c => ManagedObjectRat.Of(c.Mo)).ToArray();
        NameTerms = [.. TermAnalyzer.Terms(f.Name), .. (f.Acronym is null ? new List<string>() : TermAnalyzer.Terms(f.Acronym))];
        Introduced = f.Parameters.Where(p => p.Role == ParameterRole.Introduced).ToArray();
        foreach (var p in f.Parameters) _parameterEvidence.TryAdd(p, $"parameter {p.QualifiedName} ({p.Role})");
        foreach (var c in f.Counters) _counterEvidence.TryAdd(c, $"counter {c.QualifiedName}");
        KpiEvidence = f.Kpis.Select(k => $"kpi {k}").ToArray();
        ParameterGroups = f.Parameters.Where(p => p.Role != ParameterRole.Referenced).GroupBy(p => p.Mo)
            .Select(g => new ParameterGroup(g.Key, ManagedObjectRat.Of(g.Key), ManagedObjectPath.Of(g.Key) is { } path ? $"{g.Key} ({path}):" : $"{g.Key}:",
                [.. Roles.Select(role => g.Where(p => p.Role == role).ToArray()).Where(a => a.Length > 0)]))
            .ToArray();
        CounterGroups = f.Counters.GroupBy(c => c.Mo).Select(g => new CounterGroup(g.Key, ManagedObjectRat.Of(g.Key), g.Select(c => c.Name).ToArray(), g.ToArray())).ToArray();
        Referenced = f.Parameters.Where(p => p.Role == ParameterRole.Referenced).ToArray();
        OwnParameterCount = f.Parameters.Count - Referenced.Count;
        ParameterNames = f.Parameters.Select(p => p.QualifiedName).ToHashSet(StringComparer.Ordinal);
        CounterNames = f.Counters.Select(c => c.QualifiedName).ToHashSet(StringComparer.Ordinal);
    }

    private static readonly ParameterRole[] Roles = [ParameterRole.Introduced, ParameterRole.Affecting, ParameterRole.Affected];

    /// <summary>The facts of <paramref name="feature"/>.</summary>
    public static FeatureFacts Of(Feature feature) => Cache.GetValue(feature, static f => new FeatureFacts(f));

    /// <summary>The RAT of the managed objects the feature introduces, affects or counts on; Any when none names one.</summary>
    public Rat Rat { get; }

    /// <summary>The RAT in words.</summary>
    public string RatText => Rat switch
    {
        Rat.Lte => "LTE",
        Rat.Nr => "NR",
        Rat.Any => "node-level",
        _ => "LTE and NR",
    };

    /// <summary>Stemmed words of each parameter's name, by the parameter's index.</summary>
    public string[][] ParameterTerms { get; }

    /// <summary>The exact-lookup key of each parameter's name, by the parameter's index.</summary>
    public string[] ParameterKeys { get; }

    /// <summary>The RAT of each parameter's managed object, by the parameter's index.</summary>
    public Rat[] ParameterRats { get; }

    /// <summary>The RAT of each counter's managed object, by the counter's index.</summary>
    public Rat[] CounterRats { get; }

    /// <summary>The exact-lookup key of each counter's name, by the counter's index.</summary>
    public string[] CounterKeys { get; }

    /// <summary>Stemmed words of each counter's name, by the counter's index.</summary>
    public string[][] CounterTerms { get; }

    /// <summary>Stemmed words of the feature's own name and acronym (they say nothing about which fact is asked for).</summary>
    public HashSet<string> NameTerms { get; }

    /// <summary>The parameters the feature introduces.</summary>
    public IReadOnlyList<FeatureParameter> Introduced { get; }

    /// <summary>The parameters of other functions the feature only references.</summary>
    public IReadOnlyList<FeatureParameter> Referenced { get; }

    /// <summary>How many parameters the feature introduces or affects.</summary>
    public int OwnParameterCount { get; }

    /// <summary>The parameters it introduces or affects, by managed object, each role's in one array (introduced, affecting, affected order).</summary>
    public IReadOnlyList<ParameterGroup> ParameterGroups { get; }

    /// <summary>The counters by managed object.</summary>
    public IReadOnlyList<CounterGroup> CounterGroups { get; }

    /// <summary>The qualified names (<c>Mo.name</c>) of every parameter it touches.</summary>
    public HashSet<string> ParameterNames { get; }

    /// <summary>The qualified names of its counters.</summary>
    public HashSet<string> CounterNames { get; }

    /// <summary>How many names two sets share (what two features have in common).</summary>
    public static int Shared(HashSet<string> a, HashSet<string> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var name in small) if (large.Contains(name)) shared++;
        return shared;
    }

    /// <summary>The evidence line of each KPI, by index.</summary>
    public string[] KpiEvidence { get; }

    /// <summary>The evidence line of a parameter of this feature.</summary>
    public string Evidence(FeatureParameter p) => _parameterEvidence.TryGetValue(p, out var e) ? e : $"parameter {p.QualifiedName} ({p.Role})";

    /// <summary>The evidence line of a counter of this feature.</summary>
    public string Evidence(FeatureCounter c) => _counterEvidence.TryGetValue(c, out var e) ? e : $"counter {c.QualifiedName}";

    private static Rat RatOf(IEnumerable<string> mos)
    {
        var (lte, nr) = (false, false);
        foreach (var mo in mos)
        {
            var rat = ManagedObjectRat.Of(mo);
            lte |= rat == Rat.Lte;
            nr |= rat == Rat.Nr;
        }
        return (lte, nr) switch
        {
            (true, true) => Rat.Lte | Rat.Nr,
            (true, false) => Rat.Lte,
            (false, true) => Rat.Nr,
            _ => Rat.Any,
        };
    }

    // "pm" opens every counter name and carries no meaning of its own.
    private static string[] Terms(string identifier) =>
        IdentifierAbbreviations.Terms(identifier.StartsWith("pm", StringComparison.Ordinal) && identifier.Length > 2 && char.IsUpper(identifier[2]) ? identifier[2..] : identifier);
}

/// <summary>One managed object's parameters of a feature: its heading (class and path) and the parameters per role.</summary>
internal sealed record ParameterGroup(string Mo, Rat Rat, string Heading, FeatureParameter[][] ByRole);

/// <summary>One managed object's counters of a feature.</summary>
internal sealed record CounterGroup(string Mo, Rat Rat, string[] Names, FeatureCounter[] Counters);
