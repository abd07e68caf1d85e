// Installed-package check (.ci/packages.sh): a console project that installed the Elex packages from a
// feed asks questions on the packaged full catalog. One line a check: "check <package> pass|fail <detail>".
using Elex.Catalog;
using Elex.Core.Catalog;
using Elex.Semantic;
using Elex.Storage;
using Elex.Streams;

const string Msm = "FAJ 121 3094";
var data = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "elex-package-check");
var failed = 0;

void Check(string package, bool ok, string detail, string expected)
{
    Console.WriteLine($"check {package} {(ok ? "pass" : "fail")} {detail}{(ok ? "" : $" (expected {expected})")}");
    if (!ok) failed++;
}

async Task Run(string package, Func<Task> check)
{
    try { await check(); }
    catch (Exception e) { Check(package, false, $"threw {e.GetType().Name}: {e.Message}", "no exception"); }
}

FeatureCatalog? catalog = null;
await Run("Elex.Catalog", () =>
{
    catalog = ElexCatalog.LoadEmbedded();
    Check("Elex.Catalog", catalog.Count == 593 && catalog.Source == ElexCatalog.SourceName, $"ElexCatalog.LoadEmbedded(): {catalog.Count} features", $"593 features from {ElexCatalog.SourceName}");
    return Task.CompletedTask;
});
if (catalog is null) return 1;

await Run("Elex.Streams", async () =>
{
    await using var swarm = await ElexSwarm.CreateAsync(catalog);
    var r = await swarm.QueryAsync("Which counters show MSM is working?");
    Check("Elex.Streams", r.FeatureCode == Msm, $"\"Which counters show MSM is working?\" -> {r.FeatureCode} {r.FeatureName} ({r.Confidence:0.00})", $"{Msm} MIMO Sleep Mode");
});

await Run("Elex.Storage.Sqlite", async () =>
{
    Directory.CreateDirectory(data);
    var path = Path.Combine(data, "elex.db");
    await using (var store = await SqliteAgentStore.OpenAsync(path))
    await using (var swarm = await ElexSwarm.CreateAsync(catalog, store: store))
    {
        var r = await swarm.QueryAsync("What does MIMO Sleep Mode need before it can be activated?");
        Check("Elex.Storage.Sqlite", r.FeatureCode == Msm && File.Exists(path), $"swarm on {Path.GetFileName(path)} -> {r.FeatureCode} {r.FeatureName}", $"{Msm} MIMO Sleep Mode and the store file");
    }
});

await Run("Elex.Semantic", async () =>
{
    var cache = Path.Combine(data, "semantic");
    var router = SemanticRouter.Build(catalog, cache, warn: w => Console.Error.WriteLine($"warning: {w}"), seed: ElexCatalog.SeedVectors);
    await using var swarm = await ElexSwarm.CreateAsync(catalog, router: router);
    var question = "can an LTE cell mute two of its four transmit branches at night and bring them back when load returns?";
    var r = await swarm.QueryAsync(question);
    // The sentence model ran: its int8 graph is written to the cache when it first loads.
    var modelRan = Directory.Exists(cache) && Directory.GetFiles(cache, "model-*.onnx").Length > 0;
    Check("Elex.Semantic", r.FeatureCode == Msm && modelRan, $"\"{question}\" -> {r.FeatureCode} {r.FeatureName} ({r.Confidence:0.00}); model {(modelRan ? "loaded" : "did not load")}", $"{Msm} MIMO Sleep Mode through the loaded model");
});

return failed == 0 ? 0 : 1;
