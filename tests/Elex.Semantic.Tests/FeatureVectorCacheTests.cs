using Elex.Core.Catalog;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;
using Elex.Semantic;

namespace Elex.Semantic.Tests;

[Collection(ModelCollection.Name)]
public sealed class FeatureVectorCacheTests(ModelFixture model) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "elex-vec-" + Guid.NewGuid().ToString("N"));
    private readonly FeatureCatalog _catalog = SampleCatalog.Load();

    [Fact]
    public void SecondLoad_ReadsTheCache_WithoutEncodingAgain()
    {
        var counting = new CountingEncoder(model.Encoder);
        var first = FeatureVectorCache.LoadOrBuild(_catalog, RoutingGlosses.Embedded, counting, _dir);
        var encoded = counting.Documents;
        Assert.Equal(_catalog.Count, encoded);
        var second = FeatureVectorCache.LoadOrBuild(_catalog, RoutingGlosses.Embedded, counting, _dir);
        Assert.Equal(encoded, counting.Documents);
        Assert.True(first.Vectors.SequenceEqual(second.Vectors));
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("flip")]
    [InlineData("garbage")]
    public void ACorruptCache_IsRebuiltWithAWarning(string damage)
    {
        var good = FeatureVectorCache.LoadOrBuild(_catalog, RoutingGlosses.Embedded, model.Encoder, _dir);
        var path = FeatureVectorCache.PathFor(_dir, _catalog, RoutingGlosses.Embedded, model.Encoder);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "truncate" => bytes[..(bytes.Length / 2)],
            "flip" => Flip(bytes, bytes.Length - 100),
            _ => "not a vector file"u8.ToArray(),
        });
        var warnings = new List<string>();
        var rebuilt = FeatureVectorCache.LoadOrBuild(_catalog, RoutingGlosses.Embedded, model.Encoder, _dir, warnings.Add);
        Assert.Contains(warnings, w => w.Contains("could not be used") && w.Contains("rebuilt"));
        Assert.True(good.Vectors.SequenceEqual(rebuilt.Vectors));
        Assert.Empty(GetWarnings(() => FeatureVectorCache.LoadOrBuild(_catalog, RoutingGlosses.Embedded, model.Encoder, _dir, warnings.Add), warnings));
    }

    [Fact]
    public void AChangedCatalog_UsesAnotherCacheFile()
    {
        var smaller = new FeatureCatalog(_catalog.Features.Skip(1).ToList(), source: "subset");
        Assert.NotEqual(
            FeatureVectorCache.PathFor(_dir, _catalog, RoutingGlosses.Embedded, model.Encoder),
            FeatureVectorCache.PathFor(_dir, smaller, RoutingGlosses.Embedded, model.Encoder));
        Assert.NotEqual(
            FeatureVectorCache.PathFor(_dir, _catalog, RoutingGlosses.Embedded, model.Encoder),
            FeatureVectorCache.PathFor(_dir, _catalog, RoutingGlosses.None, model.Encoder));
    }

    private static List<string> GetWarnings(Action action, List<string> sink)
    {
        sink.Clear();
        action();
        return sink;
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0xFF;
        return bytes;
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private sealed class CountingEncoder(ISentenceEncoder inner) : ISentenceEncoder
    {
        public int Documents { get; private set; }
        public string ModelId => inner.ModelId;
        public int Dimensions => inner.Dimensions;
        public void EncodeQueries(IReadOnlyList<string> texts, Span<float> destination) => inner.EncodeQueries(texts, destination);
        public void EncodeDocuments(IReadOnlyList<string> texts, Span<float> destination)
        {
            Documents += texts.Count;
            inner.EncodeDocuments(texts, destination);
        }
    }
}
