using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Semantic;

namespace Elex.Benchmarks.Natural;

/// <summary>
/// The <c>calibrate</c> mode: fits <see cref="SemanticCalibration"/> (logistic regression, L2 0.01)
/// on the model-path routes of natural-dev and the dev questions (each dev question weighs 0.1, so the
/// exact-lookup set does not drown the natural one), then reports the held-out natural questions.
/// Paste the printed weights into <see cref="SemanticCalibration"/>'s defaults.
/// </summary>
public static class CalibrationFit
{
    public static void Run(TextWriter output)
    {
        var catalog = BenchmarkData.Catalog();
        var dir = BenchmarkData.SharedDirectory ?? throw new InvalidOperationException("calibrate needs ../shared/catalog (natural-dev and dev questions).");
        var train = NaturalQuestion.Load(Path.Combine(dir, "natural-dev.jsonl"), "natural-dev")
            .Concat(NaturalQuestion.Load(Path.Combine(dir, "dev-questions.jsonl"), "dev-questions")).ToList();
        var holdout = NaturalQuestion.HoldoutPath() is { } p ? NaturalQuestion.Load(p, "holdout") : [];
        using var encoder = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs);
        var index = BenchmarkModel.Index(catalog, encoder, output);
        var router = FeatureRouter.Build(catalog, semantic: index);

        var rows = Rows(router, train);
        output.WriteLine($"fitting on {rows.Count} model-path routes ({rows.Count(r => r.Weight == 1)} natural)");
        var w = Fit(rows);
        output.WriteLine("weights (bias, model agrees, lexical agrees, named whole, other exact, margin, cosine, name coverage):");
        output.WriteLine(string.Join(", ", w.Select(x => x.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + "f")));
        foreach (var (label, calibration) in new[] { ("shipped", new SemanticCalibration()), ("fitted", SemanticCalibration.FromWeights(w)) })
        foreach (var (name, set) in new[] { ("natural-dev", train.Where(q => q.Set == "natural-dev").ToList()), ("holdout", holdout.ToList()) })
        {
            var eval = Rows(router, set);
            var confident = eval.Where(r => calibration.Confidence(r.Signals) >= 0.8f).ToList();
            double ece = 0;
            foreach (var band in eval.GroupBy(r => Math.Min(9, (int)(calibration.Confidence(r.Signals) * 10))))
                ece += band.Count() / (double)eval.Count * Math.Abs(band.Average(r => calibration.Confidence(r.Signals)) - band.Average(r => r.Right ? 1.0 : 0.0));
            output.WriteLine($"{label}, {name}: {eval.Count} model-path routes; ≥ 0.8: {confident.Count}, wrong {confident.Count(r => !r.Right)}; ECE {ece:0.000}");
        }
    }

    private static List<(RouteSignals Signals, bool Right, float Weight)> Rows(FeatureRouter router, IReadOnlyList<NaturalQuestion> questions)
    {
        var rows = new List<(RouteSignals, bool, float)>();
        foreach (var q in questions)
        {
            var r = router.Route(q.Text, 3);
            if (r.Signals is not { } s || r.Best is not { } best) continue;
            rows.Add((s, q.Expect.Contains(best.Feature.Code.Value), q.Set == "dev-questions" ? 0.1f : 1f));
        }
        return rows;
    }

    private static float[] Fit(List<(RouteSignals Signals, bool Right, float Weight)> rows)
    {
        var x = rows.Select(r => SemanticCalibration.Inputs(r.Signals)).ToArray();
        var w = new double[8];
        var total = rows.Sum(r => r.Weight);
        for (var iteration = 0; iteration < 30_000; iteration++)
        {
            var g = new double[8];
            for (var i = 0; i < rows.Count; i++)
            {
                var z = w[0];
                for (var j = 0; j < 7; j++) z += w[j + 1] * x[i][j];
                var error = (1 / (1 + Math.Exp(-z)) - (rows[i].Right ? 1 : 0)) * rows[i].Weight;
                g[0] += error;
                for (var j = 0; j < 7; j++) g[j + 1] += error * x[i][j];
            }
            for (var j = 0; j < 8; j++) w[j] -= 0.3 * (g[j] / total + (j == 0 ? 0 : 0.01 * w[j]));
        }
        return w.Select(v => (float)v).ToArray();
    }
}
