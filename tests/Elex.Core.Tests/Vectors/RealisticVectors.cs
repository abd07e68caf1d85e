using System.Text;
using Elex.Core.Text;

namespace Elex.Core.Tests.Vectors;

/// <summary>
/// Vectors shaped like the ones the router searches, small enough for unit tests: dense
/// clustered embeddings (like the sentence model's) and hashed-term text vectors built by the
/// router's own <see cref="TextEmbedder"/> (feature-like documents, sparse question-like queries).
/// Deterministic for a seed.
/// </summary>
internal static class RealisticVectors
{
    private const int LatentDimensions = 32;

    /// <summary>
    /// Gaussian clusters in a 32-dimensional latent space mapped into <paramref name="dimensions"/>
    /// by a fixed random linear map, plus a little isotropic noise: high ambient, low intrinsic
    /// dimension, as text embeddings are. The first <paramref name="count"/> rows are the data, the
    /// next <paramref name="queries"/> the queries (same distribution).
    /// </summary>
    public static (float[][] Data, float[][] Queries) Clustered(int count, int queries, int dimensions, int seed, int clusters = 128)
    {
        var random = new Random(seed);
        var map = new float[LatentDimensions, dimensions];
        for (var l = 0; l < LatentDimensions; l++)
            for (var d = 0; d < dimensions; d++) map[l, d] = Gaussian(random) / MathF.Sqrt(LatentDimensions);
        var centroids = new float[clusters, LatentDimensions];
        for (var c = 0; c < clusters; c++)
            for (var l = 0; l < LatentDimensions; l++) centroids[c, l] = Gaussian(random);

        var rows = new float[count + queries][];
        var latent = new float[LatentDimensions];
        for (var v = 0; v < rows.Length; v++)
        {
            var cluster = random.Next(clusters);
            for (var l = 0; l < LatentDimensions; l++) latent[l] = centroids[cluster, l] + 0.5f * Gaussian(random);
            var row = rows[v] = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                var sum = 0.05f * Gaussian(random);
                for (var l = 0; l < LatentDimensions; l++) sum += latent[l] * map[l, d];
                row[d] = sum;
            }
        }
        return (rows[..count], rows[count..]);
    }

    /// <summary>
    /// Feature-like documents shaped like the benchmarks' synthetic catalog — a name combined from
    /// independent pools (prefix, core words, qualifier), parameters introduced under the name's
    /// stem, a dozen-odd parameters referenced from a shared pool, common description words —
    /// an acronym of the name's initials (shared by up to three documents) — embedded as the router
    /// embeds features (terms, bigrams, character trigrams, hashed into <paramref name="dimensions"/>);
    /// and questions naming a document's name, acronym or an introduced parameter, embedded as the
    /// router embeds questions (no trigrams for known terms: a handful of non-zero components).
    /// A question's nearest share a word or two with it and little else, so they are not near each other.
    /// </summary>
    /// <returns>The documents, the questions, and each question's kind (<c>name</c>, <c>acronym</c>, <c>parameter</c>).</returns>
    public static (float[][] Documents, float[][] Questions, string[] Kinds) HashedText(int count, int questions, int dimensions, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 4_000).Select(_ => Word(random)).Distinct().ToArray();
        string[] Pool(int from, int size) => vocabulary[from..(from + size)];
        var prefixes = Pool(0, 15);
        var cores = Pool(40, 40);
        var qualifiers = Pool(190, 15);
        var nouns = Pool(230, 60);
        // The questions' own words ("tuning", "enable") also occur in some descriptions, as in a real catalog.
        string[] common = ["tuning", "enable", "overview", "feature", "parameter", .. vocabulary[290..]];
        var shared = Enumerable.Range(0, 1_500).Select(_ => common[random.Next(common.Length)] + Capitalised(nouns[random.Next(nouns.Length)])).ToArray();

        var texts = new string[count];
        var names = new string[count];
        var acronyms = new string[count];
        var parameters = new string[count];
        var acronymUsers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var core = $"{cores[random.Next(cores.Length)]} {cores[random.Next(cores.Length)]}";
            var name = names[i] = $"{prefixes[random.Next(prefixes.Length)]} {core}" + (random.Next(3) == 0 ? "" : $" {qualifiers[random.Next(qualifiers.Length)]}");
            var initials = string.Concat(name.Split(' ').Select(w => char.ToUpperInvariant(w[0])));
            var acronym = initials;
            for (var n = 2; acronymUsers.GetValueOrDefault(acronym) >= 3; n++) acronym = initials + n;
            acronymUsers[acronym] = acronymUsers.GetValueOrDefault(acronym) + 1;
            acronyms[i] = acronym;
            var text = new StringBuilder(name).Append(" (").Append(acronym).Append("). ");
            for (var w = random.Next(0, 30); w > 0; w--) text.Append(common[(int)(Math.Pow(random.NextDouble(), 3) * common.Length)]).Append(' ');
            var stem = core.Replace(" ", "", StringComparison.Ordinal);
            parameters[i] = stem + Capitalised(nouns[random.Next(nouns.Length)]);
            text.Append(parameters[i]).Append(' ');
            for (var p = random.Next(1, 6); p > 0; p--) text.Append(stem).Append(Capitalised(nouns[random.Next(nouns.Length)])).Append(' ');
            for (var p = random.Next(0, 16); p > 0; p--) text.Append(shared[random.Next(shared.Length)]).Append(' ');
            texts[i] = text.ToString();
        }

        var weights = TermWeights.FromDocuments(texts.Select(t => (IReadOnlyCollection<string>)TermAnalyzer.Terms(t).ToHashSet()).ToList());
        var documentEmbedder = new TextEmbedder(weights, dimensions);
        var questionEmbedder = new TextEmbedder(weights, dimensions) { IncludeKnownTermTrigrams = false };
        var documents = texts.Select(documentEmbedder.Embed).ToArray();
        var queries = new List<float[]>(questions);
        var kinds = new List<string>(questions);
        string[] kindNames = ["name", "acronym", "parameter"];
        while (queries.Count < questions)
        {
            var i = random.Next(count);
            var variant = random.Next(2) == 0;
            var vector = questionEmbedder.Embed((queries.Count % 3) switch
            {
                0 => variant ? $"How do I enable {names[i]}?" : $"Give me an overview of {names[i]}.",
                1 => variant ? $"What does {acronyms[i]} do?" : $"Tuning guide for {acronyms[i]} please",
                _ => variant ? $"Which feature uses the parameter {parameters[i]}?" : $"What should Mo.{parameters[i]} be set to?",
            });
            if (!vector.Any(v => v != 0)) continue;
            kinds.Add(kindNames[queries.Count % 3]);
            queries.Add(vector);
        }
        return (documents, queries.ToArray(), kinds.ToArray());
    }

    private static string Word(Random random)
    {
        const string Consonants = "bcdfgklmnprstvz";
        const string Vowels = "aeiou";
        var chars = new char[random.Next(2, 5) * 2];
        for (var i = 0; i < chars.Length; i++) chars[i] = i % 2 == 0 ? Consonants[random.Next(Consonants.Length)] : Vowels[random.Next(Vowels.Length)];
        return new string(chars);
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static float Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
