using System.Runtime.CompilerServices;
using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Text;

namespace Elex.Core.Agents;

/// <summary>
/// What answers derive from one feature's catalog entry — the RAT its managed objects belong to,
/// the words of each parameter and counter name — computed once per feature, not per answer.
/// </summary>
internal sealed class FeatureFacts
{
    private static readonly ConditionalWeakTable<Feature, FeatureFacts> Cache = new();

    private FeatureFacts(Feature f)
    {
        Rat = RatOf(f.Parameters.Where(p => p.Role != ParameterRole.Referenced).Select(p => p.Mo).Concat(f.Counters.Select(c => c.Mo)));
        // A feature that only references other functions' parameters still shows its RAT through them.
        if (Rat == Rat.Any) Rat = RatOf(f.Parameters.Select(p => p.Mo));
        ParameterTerms = f.Parameters.Select(p => Terms(p.Name)).ToArray();
        CounterTerms = f.Counters.Select(c => Terms(c.Name)).ToArray();
        NameTerms = [.. TermAnalyzer.Terms(f.Name), .. (f.Acronym is null ? new List<string>() : TermAnalyzer.Terms(f.Acronym))];
        Introduced = f.Parameters.Where(p => p.Role == ParameterRole.Introduced).ToArray();
    }

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

    /// <summary>Stemmed words of each counter's name, by the counter's index.</summary>
    public string[][] CounterTerms { get; }

    /// <summary>Stemmed words of the feature's own name and acronym (they say nothing about which fact is asked for).</summary>
    public HashSet<string> NameTerms { get; }

    /// <summary>The parameters the feature introduces.</summary>
    public IReadOnlyList<FeatureParameter> Introduced { get; }

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
        TermAnalyzer.Terms(identifier.StartsWith("pm", StringComparison.Ordinal) && identifier.Length > 2 && char.IsUpper(identifier[2]) ? identifier[2..] : identifier)
            .Distinct().ToArray();
}
