using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;
using Elex.Semantic;

namespace Elex.Cli;

/// <summary>
/// <c>elex model export DIR</c>: the sentence model as a web asset for the browser and Node — the ONNX
/// graph the tool runs (quantised to int8) and the vocabulary, from the model package the tool ships with, the feature vectors of the
/// embedded catalog (the same the tool routes with, so a page encodes no feature at load), and a
/// manifest.json naming them; optionally the ONNX Runtime Web files the page runs the graph with.
/// </summary>
internal static class ModelCommand
{
    /// <summary>The asset's format name, checked by elex.js.</summary>
    public const string Format = "elex-model/1";

    // The ONNX Runtime Web files a page needs for the single-threaded WebAssembly backend.
    private static readonly string[] RuntimeFiles = ["ort.wasm.min.mjs", "ort-wasm-simd-threaded.mjs", "ort-wasm-simd-threaded.wasm"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("dir") { Description = "Folder to write the asset to (created; files in it are replaced)." };
        var runtime = new Option<string?>("--ort") { Description = "The dist/ folder of the npm package onnxruntime-web: its WebAssembly runtime files are copied into DIR/ort/." };
        var export = new Command("export", "Write the sentence model as a web asset (model.onnx, vocab.txt, features.bin, manifest.json) for elex.js loadModel().") { directory, runtime };
        export.SetAction(parse =>
        {
            var dir = Path.GetFullPath(parse.GetValue(directory)!);
            Directory.CreateDirectory(dir);
            var model = SentenceModel.ArcticXs;
            var files = new JsonObject
            {
                ["model"] = WriteGraph(model, dir, "model.onnx"),
                ["vocab"] = CopyResource(model, model.VocabularyResource, dir, "vocab.txt"),
                ["vectors"] = WriteVectors(dir, model, error),
            };
            if (parse.GetValue(runtime) is { } ort) files["runtime"] = CopyRuntime(ort, dir);
            var manifest = new JsonObject
            {
                ["format"] = Format,
                ["modelId"] = model.Id,
                ["dimensions"] = model.Dimensions,
                ["pooling"] = model.Pooling.ToString().ToLowerInvariant(),
                ["queryPrefix"] = model.QueryPrefix,
                ["maxQueryTokens"] = model.MaxQueryTokens,
                ["maxDocumentTokens"] = model.MaxDocumentTokens,
                ["outputName"] = model.OutputName,
                ["lowercase"] = true,
                ["files"] = files,
            };
            File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            var total = files.Select(f => f.Value!["bytes"]!.GetValue<long>()).Sum();
            output.WriteLine($"Wrote the model asset to {dir}: {string.Join(", ", files.Select(f => $"{f.Value!["path"]} {f.Value!["bytes"]!.GetValue<long>():N0} B"))} ({total:N0} B in all).");
            return ExitCodes.Ok;
        });
        return new Command("model", "The sentence model for the browser and Node.") { export };
    }

    private static JsonObject WriteGraph(SentenceModel model, string dir, string name)
    {
        // The graph the tool runs (int8), so the page's vectors and the shipped feature vectors agree.
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, OnnxSentenceEncoder.ReadGraph(model));
        return Entry(name, path);
    }

    private static JsonObject CopyResource(SentenceModel model, string resource, string dir, string name)
    {
        var path = Path.Combine(dir, name);
        using (var source = OnnxSentenceEncoder.OpenResource(model, resource))
        using (var target = File.Create(path)) source.CopyTo(target);
        return Entry(name, path);
    }

    private static JsonObject WriteVectors(string dir, SentenceModel model, TextWriter error)
    {
        // The tool's own vectors: from the shipped seed (no model run) unless the catalog or glosses changed.
        var catalog = EmbeddedCatalog.Load();
        var cache = Path.Combine(Path.GetTempPath(), "elex-model-export-" + Environment.ProcessId);
        try
        {
            using var encoder = new LazySentenceEncoder(model);
            var index = FeatureVectorCache.LoadOrBuild(catalog, RoutingGlosses.Embedded, encoder, cache, w => error.WriteLine($"elex: warning: {w}"), EmbeddedCatalog.SeedVectors);
            var path = Path.Combine(dir, "features.bin");
            using (var file = File.Create(path)) FeatureVectorTable.From(index, RoutingGlosses.Embedded).Write(file);
            return Entry("features.bin", path);
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }

    private static JsonObject CopyRuntime(string ortDist, string dir)
    {
        var target = Path.Combine(dir, "ort");
        Directory.CreateDirectory(target);
        long bytes = 0;
        foreach (var name in RuntimeFiles)
        {
            var source = Path.Combine(ortDist, name);
            if (!File.Exists(source)) throw new ArgumentException($"--ort: {ortDist} has no {name}; give the dist/ folder of the npm package onnxruntime-web.");
            File.Copy(source, Path.Combine(target, name), overwrite: true);
            bytes += new FileInfo(source).Length;
        }
        // The WebAssembly binary is fetched (and cached) by elex.js itself, so it is named with its size for progress.
        return new JsonObject
        {
            ["path"] = "ort/" + RuntimeFiles[0],
            ["bytes"] = bytes,
            ["wasm"] = new JsonObject { ["path"] = "ort/" + RuntimeFiles[2], ["bytes"] = new FileInfo(Path.Combine(target, RuntimeFiles[2])).Length },
        };
    }

    private static JsonObject Entry(string name, string path) => new() { ["path"] = name, ["bytes"] = new FileInfo(path).Length };
}
