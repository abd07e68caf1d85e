using Elex.Benchmarks.Peers;
using Elex.Core.Catalog;

namespace Elex.Benchmarks.Scaling;

/// <summary>
/// Labelled questions for any catalog, naming a random feature by its name, its acronym or a
/// parameter it introduces. The acceptable answers are every feature the named fact belongs to
/// (an acronym or parameter can be shared). Deterministic for a seed.
/// </summary>
public static class GeneratedQuestions
{
    /// <summary>Generates <paramref name="count"/> questions over <paramref name="catalog"/>.</summary>
    public static IReadOnlyList<LabelledQuestion> For(FeatureCatalog catalog, int count, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var byAcronym = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var byParameter = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var f in catalog.Features)
        {
            if (f.Acronym is { } a) Owners(byAcronym, a).Add(f.Code.Value);
            foreach (var p in f.Parameters)
                if (p.Role is ParameterRole.Introduced or ParameterRole.Affecting) Owners(byParameter, p.Name).Add(f.Code.Value);
        }

        var random = new Random(seed);
        var questions = new List<LabelledQuestion>(count);
        for (var attempts = 0; questions.Count < count && catalog.Count > 0 && attempts < count * 20; attempts++)
        {
            var f = catalog[random.Next(catalog.Count)];
            var variant = random.Next(2);
            switch (questions.Count % 3)
            {
                case 0:
                    questions.Add(new(variant == 0 ? $"Give me an overview of {f.Name}." : $"How do I enable {f.Name}?", "name", new HashSet<string>(StringComparer.Ordinal) { f.Code.Value }));
                    break;
                case 1 when f.Acronym is { } acronym:
                    questions.Add(new(variant == 0 ? $"Tuning guide for {acronym} please" : $"What does {acronym} do?", "acronym", byAcronym[acronym]));
                    break;
                case 2 when f.Parameters.FirstOrDefault(p => p.Role == ParameterRole.Introduced) is { } parameter:
                    questions.Add(new(variant == 0 ? $"Which feature uses the parameter {parameter.Name}?" : $"What should {parameter.QualifiedName} be set to?", "parameter", byParameter[parameter.Name]));
                    break;
            }
        }
        return questions;
    }

    private static HashSet<string> Owners(Dictionary<string, HashSet<string>> map, string key) =>
        map.TryGetValue(key, out var set) ? set : map[key] = new HashSet<string>(StringComparer.Ordinal);
}
