using System.Runtime.InteropServices;
using Elex.Core.Semantics;
using Elex.Semantic;

namespace Elex.Benchmarks.StaticVectors;

/// <summary>The real model's question vectors of the catalog sentences (the map's targets), cached by content.</summary>
public static class ModelTargets
{
    public static float[] LoadOrEncode(OnnxSentenceEncoder encoder, IReadOnlyList<string> sentences, string cacheDirectory, Action<string> log)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(encoder.ModelId + "\n" + string.Join('\n', sentences))))[..24];
        var path = Path.Combine(cacheDirectory, $"sentences-{key}.f32");
        var targets = new float[sentences.Count * encoder.Dimensions];
        if (File.Exists(path) && new FileInfo(path).Length == targets.Length * sizeof(float))
        {
            using var file = File.OpenRead(path);
            file.ReadExactly(MemoryMarshal.AsBytes(targets.AsSpan()));
            return targets;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var start = 0; start < sentences.Count; start += 32)
        {
            var batch = sentences.Skip(start).Take(32).Select(SemanticIndex.ModelText).ToList();
            encoder.EncodeQueries(batch, targets.AsSpan(start * encoder.Dimensions, batch.Count * encoder.Dimensions));
        }
        Directory.CreateDirectory(cacheDirectory);
        using (var file = File.Create(path)) file.Write(MemoryMarshal.AsBytes(targets.AsSpan()));
        log($"{sentences.Count} catalog sentences encoded by the model in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return targets;
    }
}
