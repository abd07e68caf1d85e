using System.Diagnostics;
using System.Numerics.Tensors;
using Elex.Benchmarks.Natural;
using Elex.Benchmarks.Reporting;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;
using Elex.Semantic;
using FastBertTokenizer;

namespace Elex.Benchmarks.StaticVectors;

/// <summary>
/// The <c>static-vectors</c> mode: can a static table distilled from the sentence model (no ONNX
/// Runtime at question time, so it could run in the browser) lift the router the browser runs
/// (exact + lexical + BM25 with glosses)? Fuses the static cosine into the lexical router's
/// candidates with a weight tuned on natural-dev, then reports held-out and dev at that weight.
/// </summary>
public static class StaticVectorReport
{
    private static readonly float[] WeightGrid = [0f, 0.01f, 0.02f, 0.03f, 0.05f, 0.07f, 0.1f, 0.13f, 0.16f, 0.2f, 0.25f, 0.3f, 0.4f, 0.5f];

    public static void Run(TextWriter output)
    {
        var catalog = BenchmarkData.Catalog();
        var sets = NaturalSets.Load(catalog);
        output.WriteLine($"catalog: {catalog.Count} features; {sets.Count} labelled questions");
        var model = SentenceModel.ArcticXs;
        using var encoder = OnnxSentenceEncoder.Load(model);
        var real = BenchmarkModel.Index(catalog, encoder, output);
        var vocabulary = TokenVectorDistiller.Vocabulary(model);
        var tokenizer = Tokenizer(vocabulary);
        var prefix = new StaticEmbedding(tokenizer, [], [], model.Dimensions).Tokens(model.QueryPrefix);
        var doc = TokenVectorDistiller.Distil(model, vocabulary, [], BenchmarkModel.CacheDirectory, output.WriteLine);
        var queryTable = TokenVectorDistiller.Distil(model, vocabulary, prefix, BenchmarkModel.CacheDirectory, output.WriteLine);
        var tables = new (string Name, float[] Table)[]
        {
            ("doc", doc),
            ("query", queryTable),
            ("doc centred", Centred(doc, model.Dimensions)),
            ("query centred", Centred(queryTable, model.Dimensions)),
        };
        var documents = SemanticIndex.DocumentTexts(catalog, RoutingGlosses.Embedded);
        var weightings = new (string Name, float[] Weights)[]
        {
            ("idf", TokenWeights.InverseDocumentFrequency(documents, tokenizer, vocabulary)),
            ("zipf", TokenWeights.ZipfRank(vocabulary)),
        };

        var lexical = FeatureRouter.Build(catalog);
        var routes = sets.Select(q => lexical.Route(q.Text, 48)).ToList();
        var candidates = routes.Select(r => r.Candidates.Select(c => (c.Ordinal, c.Score)).ToArray()).ToList();
        // As the model cascade does: exact evidence that settles a route is not second-guessed.
        var settled = routes.Select(lexical.IsSettled).ToArray();
        output.WriteLine($"settled by exact evidence: natural-dev {sets.Where((q, i) => q.Set == "natural-dev" && settled[i]).Count()}, holdout {sets.Where((q, i) => q.Set == "holdout" && settled[i]).Count()}, dev {sets.Where((q, i) => q.Set == "dev-questions" && settled[i]).Count()}");
        output.WriteLine($"lexical top-48 holds the answer: {sets.Where((q, i) => candidates[i].Any(c => q.Expect.Contains(catalog[c.Ordinal].Code.Value))).Count() / (double)sets.Count:0.000}");

        var table = new MarkdownTable("table", "weights", "features", "static alone natural-dev", "best w (natural-dev)", "natural-dev", "holdout", "dev-questions", "w=0 natural-dev / holdout / dev");
        foreach (var (tableName, tokens) in tables)
        foreach (var (weightName, weights) in weightings)
        {
            var embedding = new StaticEmbedding(tokenizer, tokens, weights, model.Dimensions);
            var staticFeatures = new float[catalog.Count * model.Dimensions];
            for (var i = 0; i < catalog.Count; i++) embedding.Embed(documents[i], staticFeatures.AsSpan(i * model.Dimensions, model.Dimensions));
            foreach (var (featureName, features) in new[] { ("static", staticFeatures), ("model", real.Vectors.ToArray()) })
            {
                var cosines = sets.Select(q => Standardised(Cosines(embedding, SemanticIndex.ModelText(q.Text), features, catalog.Count))).ToList();
                var alone = Top1(settled, sets, catalog, "natural-dev", i => cosines[i].Select((c, o) => (o, c)).ToArray(), 0f, alone: true);
                var best = WeightGrid.MaxBy(w => Top1(settled, sets, catalog, "natural-dev", i => candidates[i], w, cosines));
                table.Row(tableName, weightName, featureName, $"{alone:0.00}", $"{best:0.00}",
                    $"{Top1(settled, sets, catalog, "natural-dev", i => candidates[i], best, cosines):0.000}",
                    $"{Top1(settled, sets, catalog, "holdout", i => candidates[i], best, cosines):0.000}",
                    $"{Top1(settled, sets, catalog, "dev-questions", i => candidates[i], best, cosines):0.000}",
                    $"{Top1(settled, sets, catalog, "natural-dev", i => candidates[i], 0, cosines):0.000} / {Top1(settled, sets, catalog, "holdout", i => candidates[i], 0, cosines):0.000} / {Top1(settled, sets, catalog, "dev-questions", i => candidates[i], 0, cosines):0.000}");
            }
        }
        table.WriteTo(output);

        // The static question vector carried into the model's question space by a map fitted on catalog sentences.
        var sentences = CatalogSentences.Of(catalog, RoutingGlosses.Embedded);
        var targets = ModelTargets.LoadOrEncode(encoder, sentences, BenchmarkModel.CacheDirectory, output.WriteLine);
        var mapped = new MarkdownTable("table", "weights", "lambda", "static alone natural-dev", "alone holdout", "best w (natural-dev)", "natural-dev", "holdout", "dev-questions");
        foreach (var (tableName, tokens) in tables.Where(t => t.Name.EndsWith("centred", StringComparison.Ordinal)))
        foreach (var (weightName, weights) in weightings)
        {
            var embedding = new StaticEmbedding(tokenizer, tokens, weights, model.Dimensions);
            var sources = new float[targets.Length];
            for (var i = 0; i < sentences.Count; i++) embedding.Embed(SemanticIndex.ModelText(sentences[i]), sources.AsSpan(i * model.Dimensions, model.Dimensions));
            foreach (var lambda in new[] { 0.03, 0.3, 3.0 })
            {
                var map = RidgeMap.Fit(sources, targets, sentences.Count, model.Dimensions, lambda);
                var folded = new StaticEmbedding(tokenizer, map.Apply(tokens), weights, model.Dimensions);
                var features = real.Vectors.ToArray();
                var raw = sets.Select(q => Cosines(folded, SemanticIndex.ModelText(q.Text), features, catalog.Count)).ToList();
                var alone = Top1(settled, sets, catalog, "natural-dev", i => raw[i].Select((c, o) => (o, c)).ToArray(), 0f, alone: true);
                var aloneHoldout = Top1(settled, sets, catalog, "holdout", i => raw[i].Select((c, o) => (o, c)).ToArray(), 0f, alone: true);
                var cosines = raw.Select(r => Standardised((float[])r.Clone())).ToList();
                var best = WeightGrid.MaxBy(w => Top1(settled, sets, catalog, "natural-dev", i => candidates[i], w, cosines));
                mapped.Row(tableName, weightName, $"{lambda}", $"{alone:0.00}", $"{aloneHoldout:0.00}", $"{best:0.00}",
                    $"{Top1(settled, sets, catalog, "natural-dev", i => candidates[i], best, cosines):0.000}",
                    $"{Top1(settled, sets, catalog, "holdout", i => candidates[i], best, cosines):0.000}",
                    $"{Top1(settled, sets, catalog, "dev-questions", i => candidates[i], best, cosines):0.000}");
            }
        }
        mapped.WriteTo(output);

        // What would ship: the folded table quantised to int8, with a stricter gate (any exact fact
        // behind the lexical best keeps the lexical route), its size and its cost per question.
        var zipf = weightings.Single(w => w.Name == "zipf").Weights;
        var docCentred = tables.Single(t => t.Name == "doc centred").Table;
        var shipSources = new float[targets.Length];
        var shipEmbedding = new StaticEmbedding(tokenizer, docCentred, zipf, model.Dimensions);
        for (var i = 0; i < sentences.Count; i++) shipEmbedding.Embed(SemanticIndex.ModelText(sentences[i]), shipSources.AsSpan(i * model.Dimensions, model.Dimensions));
        var folded8 = Int8Table.Quantise(RidgeMap.Fit(shipSources, targets, sentences.Count, model.Dimensions, 0.03).Apply(docCentred), model.Dimensions);
        var shipped = new StaticEmbedding(tokenizer, folded8.Dequantised(), zipf, model.Dimensions);
        var featureVectors = real.Vectors.ToArray();
        var shipCosines = sets.Select(q => Standardised(Cosines(shipped, SemanticIndex.ModelText(q.Text), featureVectors, catalog.Count))).ToList();
        var anyExact = routes.Select((r, i) => settled[i] || (r.Best?.Evidence.Count ?? 0) > 0).ToArray();
        var gated = new MarkdownTable("doc centred + zipf + map λ 0.03, int8", "gate", "w", "natural-dev", "holdout", "dev-questions");
        foreach (var (gateName, gate) in new[] { ("settled", settled), ("any exact fact", anyExact) })
        foreach (var w in WeightGrid)
            gated.Row("", gateName, $"{w:0.00}", $"{Top1(gate, sets, catalog, "natural-dev", i => candidates[i], w, shipCosines):0.000}",
                $"{Top1(gate, sets, catalog, "holdout", i => candidates[i], w, shipCosines):0.000}",
                $"{Top1(gate, sets, catalog, "dev-questions", i => candidates[i], w, shipCosines):0.000}");
        gated.WriteTo(output);
        // Fewer dimensions, to fit the download budget: the folded table and the model's feature vectors on the table's principal directions.
        var foldedTable = RidgeMap.Fit(shipSources, targets, sentences.Count, model.Dimensions, 0.03).Apply(docCentred);
        var reducedTable = new MarkdownTable("dimensions (PCA), int8", "Brotli MB", "w", "natural-dev", "holdout", "dev-questions");
        foreach (var k in new[] { 64, 96, 128 })
        {
            var basis = PrincipalComponents.Basis(foldedTable, model.Dimensions, k);
            var small = Int8Table.Quantise(PrincipalComponents.Project(foldedTable, model.Dimensions, basis), k);
            var smallFeatures = PrincipalComponents.Project(featureVectors, model.Dimensions, basis);
            for (var f = 0; f < catalog.Count; f++) { var row = smallFeatures.AsSpan(f * k, k); TensorPrimitives.Divide(row, TensorPrimitives.Norm(row), row); }
            var smallEmbedding = new StaticEmbedding(tokenizer, small.Dequantised(), zipf, k);
            var smallCosines = sets.Select(q => Standardised(Cosines(smallEmbedding, SemanticIndex.ModelText(q.Text), smallFeatures, catalog.Count))).ToList();
            var brotli = Compressed.Brotli(small.Bytes()) / 1e6;
            foreach (var w in new[] { 0.05f, 0.07f, 0.1f, 0.13f, 0.16f })
                reducedTable.Row($"{k}", $"{brotli:0.00}", $"{w:0.00}", $"{Top1(settled, sets, catalog, "natural-dev", i => candidates[i], w, smallCosines):0.000}",
                    $"{Top1(settled, sets, catalog, "holdout", i => candidates[i], w, smallCosines):0.000}",
                    $"{Top1(settled, sets, catalog, "dev-questions", i => candidates[i], w, smallCosines):0.000}");
        }
        reducedTable.WriteTo(output);
        var bytes = folded8.Bytes();
        output.WriteLine($"table {vocabulary.Length} × {model.Dimensions} int8: {bytes.Length / 1e6:0.00} MB raw, {Compressed.Gzip(bytes) / 1e6:0.00} MB gzip, {Compressed.Brotli(bytes) / 1e6:0.00} MB Brotli; feature vectors {catalog.Count} × {model.Dimensions} int8 {Compressed.Brotli(Int8Table.Quantise(featureVectors, model.Dimensions).Bytes()) / 1e6:0.00} MB Brotli");

        var natural = sets.Where(q => q.Set != "dev-questions").Select(q => SemanticIndex.ModelText(q.Text)).ToList();
        foreach (var text in natural) Cosines(shipped, text, featureVectors, catalog.Count);
        var timings = new double[natural.Count * 5];
        for (var pass = 0; pass < 5; pass++)
            for (var i = 0; i < natural.Count; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                Cosines(shipped, natural[i], featureVectors, catalog.Count);
                timings[pass * natural.Count + i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            }
        var p = Percentiles.Of(timings);
        output.WriteLine($"static channel per question (tokenise, weighted sum, cosine with {catalog.Count} features), CLR: P50 {p.P50:0} µs, P95 {p.P95:0} µs over {p.Count} calls");
    }

    // Over the whole catalog: how far above the typical feature this one stands, in standard deviations,
    // so one weight fits a channel whose raw cosines sit in a narrow band.
    private static float[] Standardised(float[] scores)
    {
        var mean = TensorPrimitives.Sum(scores) / scores.Length;
        var variance = 0f;
        foreach (var s in scores) variance += (s - mean) * (s - mean);
        var std = MathF.Sqrt(variance / scores.Length);
        for (var i = 0; i < scores.Length; i++) scores[i] = std > 0 ? (scores[i] - mean) / std : 0f;
        return scores;
    }

    // Token vectors share a large common direction (anisotropy); without it, cosines tell more apart.
    private static float[] Centred(float[] table, int dims)
    {
        var mean = new float[dims];
        var rows = table.Length / dims;
        for (var r = 0; r < rows; r++) TensorPrimitives.Add(mean, table.AsSpan(r * dims, dims), mean);
        TensorPrimitives.Divide(mean, rows, mean);
        var centred = new float[table.Length];
        for (var r = 0; r < rows; r++) TensorPrimitives.Subtract(table.AsSpan(r * dims, dims), mean, centred.AsSpan(r * dims, dims));
        return centred;
    }

    private static float[] Cosines(StaticEmbedding embedding, string text, float[] features, int count)
    {
        var dims = embedding.Dimensions;
        var query = new float[dims];
        var scores = new float[count];
        if (!embedding.Embed(text, query)) return scores;
        for (var i = 0; i < count; i++) scores[i] = TensorPrimitives.Dot(query, features.AsSpan(i * dims, dims));
        return scores;
    }

    private static double Top1(bool[] gate, IReadOnlyList<NaturalQuestion> sets, FeatureCatalog catalog, string set, Func<int, (int Ordinal, float Score)[]> candidates, float weight, List<float[]>? cosines = null, bool alone = false)
    {
        int n = 0, right = 0;
        for (var i = 0; i < sets.Count; i++)
        {
            if (sets[i].Set != set) continue;
            n++;
            var best = -1;
            var bestScore = float.NegativeInfinity;
            foreach (var (ordinal, score) in candidates(i))
            {
                var fused = alone ? score : score + (gate[i] ? 0f : weight) * cosines![i][ordinal];
                if (fused > bestScore) (best, bestScore) = (ordinal, fused);
            }
            if (best >= 0 && sets[i].Expect.Contains(catalog[best].Code.Value)) right++;
        }
        return n == 0 ? double.NaN : right / (double)n;
    }

    private static BertTokenizer Tokenizer(string[] vocabulary)
    {
        var tokenizer = new BertTokenizer();
        using var reader = new StringReader(string.Join('\n', vocabulary));
        tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        return tokenizer;
    }
}
