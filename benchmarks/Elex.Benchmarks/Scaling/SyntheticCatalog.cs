using System.Globalization;
using System.Text;
using Elex.Core.Catalog;
using static Elex.Benchmarks.Scaling.RanWordPools;

namespace Elex.Benchmarks.Scaling;

/// <summary>
/// A deterministic synthetic feature catalog of any size, shaped like the real one: RAN-like
/// names (prefixes, a core function, a qualifier), acronyms from their initials (shared by a few
/// features, then numbered), codes <c>FAJ 9xx xxxx</c> and CXC keys <c>CXC49xxxxx</c> that cannot
/// clash with real ones, parameters <c>Mo.camelCase</c> (a few introduced per feature, the rest
/// drawn from a shared pool), <c>pm…</c> counters, events, KPIs, and prerequisite / conflict /
/// related edges that point to earlier features (so there are no cycles). The same count and seed
/// give the same catalog.
/// </summary>
public static class SyntheticCatalog
{
    /// <summary>The seed used by the benchmarks.</summary>
    public const int DefaultSeed = 42;

    private const int SharedParameterPool = 4000;
    private const int MaxFeaturesPerAcronym = 3;

    /// <summary>Generates <paramref name="count"/> features (at most 1,000,000).</summary>
    public static FeatureCatalog Generate(int count, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 1_000_000);
        var random = new Random(seed);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s) => strings.TryGetValue(s, out var existing) ? existing : strings[s] = s;

        var shared = new (string Mo, string Name)[SharedParameterPool];
        for (var i = 0; i < shared.Length; i++)
        {
            var core = Cores[random.Next(Cores.Length)].Split(' ');
            shared[i] = (Mos[random.Next(Mos.Length)], Intern(Identifier(core) + AttributeNouns[random.Next(AttributeNouns.Length)]));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var acronyms = new Dictionary<string, int>(StringComparer.Ordinal);
        var features = new Feature[count];
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            var words = NewName(random, names);
            var name = string.Join(' ', words);
            var stemWords = words.TakeWhile(w => !Qualifiers.Contains(w)).SelectMany(w => w.Split(' ')).ToArray();
            var stem = Identifier(stemWords);
            var mo = Mos[(Array.IndexOf(Cores, words.First(Cores.Contains)) + random.Next(3)) % Mos.Length];

            var parameters = new List<FeatureParameter>();
            foreach (var noun in Pick(random, AttributeNouns, random.Next(2, 7))) parameters.Add(new(mo, Intern(stem + noun), ParameterRole.Introduced));
            for (var i = random.Next(0, 4); i > 0; i--) AddShared(parameters, shared[random.Next(shared.Length)], ParameterRole.Affecting);
            for (var i = random.Next(8, 26); i > 0; i--) AddShared(parameters, shared[random.Next(shared.Length)], ParameterRole.Referenced);

            var counters = new List<FeatureCounter>();
            var pascal = char.ToUpperInvariant(stem[0]) + stem[1..];
            foreach (var s in Pick(random, CounterStems, random.Next(3, 10))) counters.Add(new(mo, Intern("pm" + pascal + s)));
            if (random.Next(3) == 0) counters.Add(new(Mos[random.Next(Mos.Length)], Intern("pm" + pascal + "Ul" + CounterStems[random.Next(CounterStems.Length)])));

            features[ordinal] = new Feature
            {
                Code = Code(ordinal),
                Cxc = random.Next(10) < 7 ? string.Create(CultureInfo.InvariantCulture, $"CXC49{ordinal:D5}") : null,
                Name = name,
                Acronym = NewAcronym(words, acronyms),
                Domain = Domains[random.Next(Domains.Length)],
                Parameters = parameters,
                Counters = counters,
                Kpis = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Intern(KpiSubjects[random.Next(KpiSubjects.Length)] + KpiQualifiers[random.Next(KpiQualifiers.Length)])).Distinct().ToArray(),
                Events = random.Next(2) == 0 ? [] : [Intern("INTERNAL_EVENT_" + string.Join('_', stemWords).ToUpperInvariant().Replace('-', '_'))],
                Requires = Edges(random, ordinal, 0.3, 2),
                Conflicts = Edges(random, ordinal, 0.15, 1),
                Related = Edges(random, ordinal, 0.5, 3),
                Releases = [Releases[random.Next(Releases.Length)]],
            };
        }
        return new FeatureCatalog(features, source: $"synthetic ({count} features, seed {seed})");
    }

    /// <summary>The code of a synthetic feature: <c>FAJ 9</c> + ordinal in six digits.</summary>
    public static FeatureCode Code(int ordinal) =>
        FeatureCode.Parse(string.Create(CultureInfo.InvariantCulture, $"FAJ 9{ordinal / 10000:D2} {ordinal % 10000:D4}"));

    private static void AddShared(List<FeatureParameter> into, (string Mo, string Name) p, ParameterRole role) => into.Add(new(p.Mo, p.Name, role));

    private static List<string> NewName(Random random, HashSet<string> taken)
    {
        while (true)
        {
            var words = new List<string>(4);
            var prefixes = random.Next(4) == 0 ? 2 : 1;
            foreach (var p in Pick(random, Prefixes, prefixes)) words.Add(p);
            words.Add(Cores[random.Next(Cores.Length)]);
            if (random.Next(3) != 0) words.Add(Qualifiers[random.Next(Qualifiers.Length)]);
            if (taken.Add(string.Join(' ', words))) return words;
        }
    }

    private static string NewAcronym(List<string> words, Dictionary<string, int> used)
    {
        var sb = new StringBuilder();
        foreach (var word in words.SelectMany(w => w.Split(' ', '-')))
        {
            if (word is "for" or "with") continue;
            if (word.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))) sb.Append(word);
            else sb.Append(char.ToUpperInvariant(word[0]));
        }
        var acronym = sb.ToString();
        for (var n = 2; ; n++)
        {
            used.TryGetValue(acronym, out var users);
            if (users < MaxFeaturesPerAcronym)
            {
                used[acronym] = users + 1;
                return acronym;
            }
            acronym = sb + n.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>camelCase identifier stem of name words, abbreviated as engineers do (<c>ulPwrCtrl</c>).</summary>
    private static string Identifier(IEnumerable<string> words)
    {
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            var part = IdentifierAbbreviations.TryGetValue(word, out var abbreviation) ? abbreviation : word.Replace("-", "", StringComparison.Ordinal);
            if (sb.Length == 0) sb.Append(char.ToLowerInvariant(part[0])).Append(part.AsSpan(1).ToString().ToLowerInvariant() is var rest && part.All(char.IsAsciiLetterUpper) ? rest : part[1..]);
            else sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }
        return sb.ToString();
    }

    private static IEnumerable<T> Pick<T>(Random random, T[] pool, int count)
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < Math.Min(count, pool.Length)) chosen.Add(random.Next(pool.Length));
        return chosen.Order().Select(i => pool[i]);
    }

    private static FeatureCode[] Edges(Random random, int ordinal, double probability, int max)
    {
        if (ordinal == 0 || random.NextDouble() >= probability) return [];
        return Enumerable.Range(0, random.Next(1, max + 1)).Select(_ => random.Next(ordinal)).Distinct().Select(Code).ToArray();
    }
}
