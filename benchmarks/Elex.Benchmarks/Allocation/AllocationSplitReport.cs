using System.Globalization;
using Elex.Core.Agents;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Benchmarks.Reporting;
using Elex.Core.Routing;
using Elex.Core.Safety;
using Elex.Streams;

namespace Elex.Benchmarks.Allocation;

/// <summary>
/// Where a query's allocations go: each stage run on its own over the dev-question mix (bytes counted on
/// the calling thread), then whole queries through ElexSwarm with and without a store (all threads).
/// Allocation counts do not depend on machine load, so this report is exact where throughput is noisy.
/// </summary>
public static class AllocationSplitReport
{
    private const int Rounds = 3;

    /// <summary>Measures and writes the table.</summary>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var catalog = BenchmarkData.Catalog();
        var questions = BenchmarkData.Questions(catalog);
        var router = FeatureRouter.Build(catalog);
        var registry = new AgentRegistry(catalog, maxAgents: catalog.Count);
        var safety = new SafetyValidator(DefaultSafeZones.Load());
        var table = new MarkdownTable("stage", "bytes / query");

        var analyzed = new Core.Text.AnalyzedText[questions.Length];
        table.Row("route: term analysis", Bytes(questions.Length, i => analyzed[i] = Core.Text.TermAnalyzer.Analyze(questions[i])));
        var glosses = Core.Routing.Glosses.RoutingGlosses.Embedded;
        var analysisCache = new Dictionary<string, Core.Text.AnalyzedText>(StringComparer.Ordinal);
        var documents = new FeatureDocument[catalog.Count];
        for (var i = 0; i < catalog.Count; i++) documents[i] = new FeatureDocument(catalog[i], glosses.For(catalog[i].Code), analysisCache);
        var exact = new ExactMatchIndex(catalog, documents);
        var hits = new List<ExactHit>();
        table.Row("route: exact match", Bytes(questions.Length, i => { hits.Clear(); exact.Match(questions[i], analyzed[i], hits); }));
        var bm25 = new GlossBm25Index(catalog, glosses);
        var bm25Scores = new float[catalog.Count];
        table.Row("route: BM25 over glosses (scores buffer reused)", Bytes(questions.Length, i => bm25.Score(analyzed[i].WordTerms, analyzed[i].IdentifierTerms, bm25Scores)));
        var routes = new RouteResult[questions.Length];
        table.Row("classify", Bytes(questions, q => QueryClassifier.Classify(q)));
        table.Row("route (exact + lexical)", Bytes(questions.Length, i => routes[i] = router.Route(questions[i])));
        var answers = new AgentAnswer?[questions.Length];
        table.Row("answer composition (agent.Answer)", Bytes(questions.Length, i =>
        {
            if (routes[i].Best is not { } best) return;
            answers[i] = registry.Get(best.Ordinal).Answer(new AnswerContext(questions[i], QueryClassifier.Classify(questions[i])) { RouteConfidence = routes[i].Confidence });
        }));
        table.Row("of which the answer's own text (UTF-16 string)", AnswerTextBytes(answers));
        table.Row("safety (commands of the answer)", Bytes(questions.Length, i =>
        {
            if (answers[i] is { Commands.Count: > 0 } a) safety.Apply(a.Commands);
        }));
        table.Row("agent snapshot (AgentStats)", Bytes(questions.Length, i =>
        {
            if (routes[i].Best is { } best) registry.Get(best.Ordinal).Snapshot();
        }));

        await using (var swarm = await ElexSwarm.CreateAsync(catalog, new SwarmConfig { MaxAgents = catalog.Count }, router: router))
            table.Row("whole query through ElexSwarm, no store", (await PipelineBytesAsync(swarm, questions)).ToString("N0", CultureInfo.InvariantCulture));
        MarkdownTable? byType = null;
        var dir = Path.Combine(Path.GetTempPath(), $"elex-alloc-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            await using var store = await Elex.Storage.SqliteAgentStore.OpenAsync(Path.Combine(dir, "elex.db"));
            await using (var swarm = await ElexSwarm.CreateAsync(catalog, new SwarmConfig { MaxAgents = catalog.Count }, store, router: router))
            {
                var perQuery = await PipelineBytesAsync(swarm, questions);
                table.Row("whole query through ElexSwarm, SQLite store", perQuery.ToString("N0", CultureInfo.InvariantCulture));
                byType = await ByTypeAsync(swarm, questions, perQuery);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
        table.WriteTo(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{questions.Length:N0} dev questions × {Rounds} rounds (after one warm-up round). Goal: ≤ 2 KB per query end to end, ≤ 512 B per route."));
        if (byType is null) return;
        output.WriteLine();
        output.WriteLine("Whole query with the SQLite store, by type (the runtime's allocation ticks, one per ~100 KB: estimates):");
        output.WriteLine();
        byType.WriteTo(output);
    }

    private const int TypesShown = 25;

    // A longer run than the byte count, so the ~100 KB sampling sees enough of each type.
    private static async Task<MarkdownTable> ByTypeAsync(ElexSwarm swarm, string[] questions, double bytesPerQuery)
    {
        using var sampler = new AllocationSampler();
        sampler.Start();
        for (var round = 0; round < Rounds * 4; round++)
            foreach (var q in questions) await swarm.QueryAsync(q);
        sampler.Stop();
        var table = new MarkdownTable("type", "share", "≈ bytes / query");
        foreach (var (type, share) in sampler.Shares().Take(TypesShown))
            table.Row(type, share.ToString("P1", CultureInfo.InvariantCulture), (share * bytesPerQuery).ToString("N0", CultureInfo.InvariantCulture));
        return table;
    }

    // The floor no allocation work removes while a response carries its answer as a string.
    private static string AnswerTextBytes(AgentAnswer?[] answers)
    {
        long bytes = 0;
        foreach (var a in answers) if (a is not null) bytes += 22 + 2L * a.Text.Length;
        return (bytes / (double)answers.Length).ToString("N0", CultureInfo.InvariantCulture);
    }

    private static string Bytes(string[] questions, Action<string> stage) => Bytes(questions.Length, i => stage(questions[i]));

    private static string Bytes(int count, Action<int> stage)
    {
        for (var i = 0; i < count; i++) stage(i);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < Rounds; round++)
            for (var i = 0; i < count; i++) stage(i);
        return ((GC.GetAllocatedBytesForCurrentThread() - before) / (double)(count * Rounds)).ToString("N0", CultureInfo.InvariantCulture);
    }

    // One query at a time, all threads counted: the pipeline hands work between threads.
    private static async Task<double> PipelineBytesAsync(ElexSwarm swarm, string[] questions)
    {
        foreach (var q in questions) await swarm.QueryAsync(q);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var round = 0; round < Rounds; round++)
            foreach (var q in questions) await swarm.QueryAsync(q);
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)(questions.Length * Rounds);
    }
}
