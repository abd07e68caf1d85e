using System.Reflection;
using System.Runtime.InteropServices;
using Elex.Semantic;
using Microsoft.ML.OnnxRuntime;

namespace Elex.Benchmarks.StaticVectors;

/// <summary>
/// Runs the shipped sentence model once per WordPiece of its vocabulary (Model2Vec-style): each
/// token alone between [CLS] and [SEP], optionally behind the model's query prefix, pooled as the
/// model pools. The result is a static table — one vector per token — that needs no transformer
/// at question time. Cached in a temporary folder because distilling takes a while on two cores.
/// </summary>
public static class TokenVectorDistiller
{
    private const int BatchSize = 256;

    /// <summary>The model's WordPiece vocabulary, by id.</summary>
    public static string[] Vocabulary(SentenceModel model)
    {
        using var stream = Assembly.Load(model.AssemblyName).GetManifestResourceStream(model.VocabularyResource)
            ?? throw new InvalidOperationException($"'{model.AssemblyName}' has no resource '{model.VocabularyResource}'.");
        using var reader = new StreamReader(stream);
        var list = new List<string>();
        while (reader.ReadLine() is { } line) list.Add(line);
        return [.. list];
    }

    /// <summary>One L2-normalised vector per vocabulary id (row-major), from the cache when present.</summary>
    /// <param name="model">The model.</param>
    /// <param name="vocabulary">Its vocabulary.</param>
    /// <param name="prefixIds">WordPiece ids put before each token (the query prefix), or empty for document mode.</param>
    /// <param name="cacheDirectory">Where the distilled table is kept.</param>
    /// <param name="log">Progress.</param>
    public static float[] Distil(SentenceModel model, string[] vocabulary, long[] prefixIds, string cacheDirectory, Action<string> log)
    {
        var dims = model.Dimensions;
        var path = Path.Combine(cacheDirectory, $"tokens-{model.Id.Replace('/', '-')}-{(prefixIds.Length == 0 ? "doc" : "query")}.f32");
        if (File.Exists(path) && new FileInfo(path).Length == (long)vocabulary.Length * dims * sizeof(float))
        {
            var cached = new float[vocabulary.Length * dims];
            using var file = File.OpenRead(path);
            file.ReadExactly(MemoryMarshal.AsBytes(cached.AsSpan()));
            return cached;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var session = Session(model);
        var cls = Array.IndexOf(vocabulary, "[CLS]");
        var sep = Array.IndexOf(vocabulary, "[SEP]");
        var length = prefixIds.Length + 3;
        var table = new float[vocabulary.Length * dims];
        var needsTypes = session.InputMetadata.ContainsKey("token_type_ids");
        for (var start = 0; start < vocabulary.Length; start += BatchSize)
        {
            var batch = Math.Min(BatchSize, vocabulary.Length - start);
            var ids = new long[batch * length];
            var mask = new long[batch * length];
            for (var b = 0; b < batch; b++)
            {
                var row = ids.AsSpan(b * length, length);
                row[0] = cls;
                prefixIds.CopyTo(row[1..]);
                row[^2] = start + b;
                row[^1] = sep;
            }
            mask.AsSpan().Fill(1);
            long[] shape = [batch, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var typesValue = needsTypes ? OrtValue.CreateTensorValueFromMemory(new long[batch * length], shape) : null;
            var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
            if (typesValue is not null) inputs["token_type_ids"] = typesValue;
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, inputs, [model.OutputName]);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            for (var b = 0; b < batch; b++)
            {
                var target = table.AsSpan((start + b) * dims, dims);
                var rows = hidden.Slice(b * length * dims, length * dims);
                if (model.Pooling == Pooling.Cls) rows[..dims].CopyTo(target);
                else for (var t = 0; t < length; t++) System.Numerics.Tensors.TensorPrimitives.Add(target, rows.Slice(t * dims, dims), target);
                var norm = System.Numerics.Tensors.TensorPrimitives.Norm(target);
                if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(target, norm, target);
            }
        }
        Directory.CreateDirectory(cacheDirectory);
        using (var file = File.Create(path)) file.Write(MemoryMarshal.AsBytes(table.AsSpan()));
        log($"distilled {vocabulary.Length} token vectors ({(prefixIds.Length == 0 ? "document" : "query")} mode) in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return table;
    }

    private static InferenceSession Session(SentenceModel model)
    {
        using var stream = Assembly.Load(model.AssemblyName).GetManifestResourceStream(model.ModelResource)
            ?? throw new InvalidOperationException($"'{model.AssemblyName}' has no resource '{model.ModelResource}'.");
        var graph = new byte[stream.Length];
        stream.ReadExactly(graph);
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = 2, InterOpNumThreads = 1 };
        return new InferenceSession(graph, options);
    }
}
