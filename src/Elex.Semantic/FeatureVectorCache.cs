using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;

namespace Elex.Semantic;

/// <summary>
/// Feature vectors kept in a data directory, so a restart does not re-encode the catalog. The file
/// name is a hash of the model id and every feature's document text (catalog and glosses), so a
/// changed catalog, gloss or model simply misses; a file that is unreadable, truncated or whose
/// payload hash does not match is rebuilt with a warning.
/// </summary>
public static class FeatureVectorCache
{
    private const uint Magic = 0x5658_4C45; // "ELXV"
    private const int FormatVersion = 1;
    private const int HeaderBytes = 4 + 4 + 4 + 4 + 32;

    /// <summary>The cache file for a catalog, glosses and model in <paramref name="directory"/>.</summary>
    public static string PathFor(string directory, FeatureCatalog catalog, RoutingGlosses glosses, ISentenceEncoder encoder)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return Path.Combine(directory, $"features-{Key(SemanticIndex.DocumentTexts(catalog, glosses), encoder.ModelId)}.vec");
    }

    /// <summary>
    /// Loads the feature vectors from the cache, or encodes the catalog and writes them. Never
    /// throws for a bad cache file: it is reported through <paramref name="warn"/> and replaced.
    /// </summary>
    /// <param name="catalog">The features.</param>
    /// <param name="glosses">Their routing glosses.</param>
    /// <param name="encoder">The model.</param>
    /// <param name="directory">The cache folder, or null to encode without caching.</param>
    /// <param name="warn">Receives what went wrong with a cache file.</param>
    /// <param name="seed">Vectors shipped with an application, by cache file name: copied into the cache when it has none.</param>
    public static SemanticIndex LoadOrBuild(FeatureCatalog catalog, RoutingGlosses glosses, ISentenceEncoder encoder, string? directory, Action<string>? warn = null, Func<string, Stream?>? seed = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(glosses);
        ArgumentNullException.ThrowIfNull(encoder);
        if (directory is null) return SemanticIndex.Build(catalog, glosses, encoder);
        var path = PathFor(directory, catalog, glosses, encoder);
        if (!File.Exists(path) && seed?.Invoke(Path.GetFileName(path)) is { } shipped) Seed(path, shipped, warn);
        if (File.Exists(path))
        {
            try
            {
                return new SemanticIndex(catalog, encoder, Read(path, catalog.Count, encoder.Dimensions));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                warn?.Invoke($"The feature-vector cache {path} could not be used ({e.Message}); it is rebuilt.");
            }
        }
        var index = SemanticIndex.Build(catalog, glosses, encoder);
        try
        {
            Directory.CreateDirectory(directory);
            Write(path, index.Vectors, catalog.Count, encoder.Dimensions);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn?.Invoke($"The feature-vector cache could not be written to {path} ({e.Message}); vectors will be recomputed next time.");
        }
        return index;
    }

    private static void Seed(string path, Stream shipped, Action<string>? warn)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            using (shipped)
            using (var file = File.Create(temporary)) shipped.CopyTo(file);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            warn?.Invoke($"The shipped feature vectors could not be copied to {path} ({e.Message}); they are computed instead.");
        }
    }

    internal static string Key(IReadOnlyList<string> texts, string modelId)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(modelId + "\n" + FormatVersion + "\n"));
        foreach (var text in texts) hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..24];
    }

    private static float[] Read(string path, int count, int dims)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderBytes || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
            throw new InvalidDataException("not a feature-vector file");
        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        if (version != FormatVersion) throw new InvalidDataException($"format version {version}, expected {FormatVersion}");
        var fileCount = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var fileDims = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        if (fileCount != count || fileDims != dims) throw new InvalidDataException($"{fileCount}×{fileDims} vectors, expected {count}×{dims}");
        var payload = bytes.AsSpan(HeaderBytes);
        if (payload.Length != count * dims * sizeof(float)) throw new InvalidDataException("truncated");
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(16, 32))) throw new InvalidDataException("the payload does not match its hash");
        var vectors = new float[count * dims];
        payload.CopyTo(MemoryMarshal.AsBytes(vectors.AsSpan()));
        return vectors;
    }

    private static void Write(string path, ReadOnlySpan<float> vectors, int count, int dims)
    {
        var payload = MemoryMarshal.AsBytes(vectors);
        var bytes = new byte[HeaderBytes + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), count);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), dims);
        SHA256.HashData(payload, bytes.AsSpan(16, 32));
        payload.CopyTo(bytes.AsSpan(HeaderBytes));
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
