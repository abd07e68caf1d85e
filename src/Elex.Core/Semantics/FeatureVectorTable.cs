using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;

namespace Elex.Core.Semantics;

/// <summary>
/// Feature vectors shipped beside a model (the browser's model asset): one vector per feature code,
/// each with a hash of the document text it was encoded from, so a catalog uses a shipped vector
/// only where its own text for that feature is the same, and encodes the rest.
/// </summary>
public sealed class FeatureVectorTable
{
    private const uint Magic = 0x5446_4C45; // "ELFT"
    private const int FormatVersion = 1;

    private readonly Dictionary<string, int> _rows;
    private readonly ulong[] _textHashes;
    private readonly float[] _vectors;

    private FeatureVectorTable(string modelId, int dimensions, string[] codes, ulong[] textHashes, float[] vectors)
    {
        ModelId = modelId;
        Dimensions = dimensions;
        Codes = codes;
        _textHashes = textHashes;
        _vectors = vectors;
        _rows = new Dictionary<string, int>(codes.Length, StringComparer.Ordinal);
        for (var i = 0; i < codes.Length; i++) _rows[codes[i]] = i;
    }

    /// <summary>The model the vectors were made with.</summary>
    public string ModelId { get; }

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>Feature codes, by row.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The vectors of an index (the CLR's, from its cache), tagged with the text each feature was encoded from.</summary>
    public static FeatureVectorTable From(SemanticIndex index, RoutingGlosses glosses)
    {
        ArgumentNullException.ThrowIfNull(index);
        var texts = SemanticIndex.DocumentTexts(index.Catalog, glosses);
        var codes = index.Catalog.Features.Select(f => f.Code.Value).ToArray();
        return new FeatureVectorTable(index.Encoder.ModelId, index.Dimensions, codes, [.. texts.Select(TextHash)], index.Vectors.ToArray());
    }

    /// <summary>A stable 64-bit hash (FNV-1a over UTF-16) of a feature's document text.</summary>
    public static ulong TextHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    /// <summary>
    /// The vectors for <paramref name="catalog"/> (row-major, by ordinal) and the ordinals this table
    /// has no vector for, or a vector made from other text (a changed name or gloss): those must be encoded.
    /// </summary>
    public (float[] Vectors, IReadOnlyList<int> Missing) For(FeatureCatalog catalog, RoutingGlosses glosses)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(glosses);
        var texts = SemanticIndex.DocumentTexts(catalog, glosses);
        var vectors = new float[catalog.Count * Dimensions];
        var missing = new List<int>();
        for (var i = 0; i < catalog.Count; i++)
        {
            if (_rows.TryGetValue(catalog[i].Code.Value, out var row) && _textHashes[row] == TextHash(texts[i]))
                _vectors.AsSpan(row * Dimensions, Dimensions).CopyTo(vectors.AsSpan(i * Dimensions, Dimensions));
            else
                missing.Add(i);
        }
        return (vectors, missing);
    }

    /// <summary>Writes the table: header, model id, then per feature its code and text hash, then the float32 vectors (little-endian).</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Codes.Count);
        writer.Write(Dimensions);
        writer.Write(ModelId);
        for (var i = 0; i < Codes.Count; i++)
        {
            writer.Write(Codes[i]);
            writer.Write(_textHashes[i]);
        }
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The vector table is written little-endian.");
        writer.Write(MemoryMarshal.AsBytes(_vectors.AsSpan()));
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a vector table, or are cut short; the message says which.</exception>
    public static FeatureVectorTable Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (bytes.Length < 16 || reader.ReadUInt32() != Magic) throw new InvalidDataException("not an Elex feature-vector table (bad magic number)");
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"feature-vector table format {version}, expected {FormatVersion}");
            var count = reader.ReadInt32();
            var dims = reader.ReadInt32();
            if (count < 0 || dims <= 0 || dims > 65_536) throw new InvalidDataException($"feature-vector table header says {count} vectors of {dims}");
            var modelId = reader.ReadString();
            var codes = new string[count];
            var hashes = new ulong[count];
            for (var i = 0; i < count; i++)
            {
                codes[i] = reader.ReadString();
                hashes[i] = reader.ReadUInt64();
            }
            var payload = bytes.AsSpan((int)reader.BaseStream.Position);
            if (payload.Length != (long)count * dims * sizeof(float))
                throw new InvalidDataException($"feature-vector table holds {payload.Length} vector bytes, {count}×{dims} floats need {(long)count * dims * sizeof(float)}");
            var vectors = new float[count * dims];
            for (var i = 0; i < vectors.Length; i++) vectors[i] = BinaryPrimitives.ReadSingleLittleEndian(payload[(i * 4)..]);
            return new FeatureVectorTable(modelId, dims, codes, hashes, vectors);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("feature-vector table is cut short");
        }
    }
}
