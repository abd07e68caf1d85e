using Elex.Semantic;

namespace Elex.Semantic.Tests;

[Collection(ModelCollection.Name)]
public sealed class QuantizedGraphCacheTests(ModelFixture model) : IDisposable
{
    private const string Question = "stop handing UEs over to the 3G layer when the LTE carrier is still good";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "elex-graph-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void TheFirstLoad_WritesTheInt8Graph_AndTheNextLoadsItWithTheSameVectors()
    {
        var warnings = new List<string>();
        using (var first = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs, graphCache: _dir, warn: warnings.Add))
            Assert.Equal(model.Encoder.EncodeQuery(Question), first.EncodeQuery(Question));
        var path = QuantizedGraphCache.PathFor(_dir, SentenceModel.ArcticXs);
        Assert.True(File.Exists(path));
        var written = File.GetLastWriteTimeUtc(path);

        using (var second = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs, graphCache: _dir, warn: warnings.Add))
            Assert.Equal(model.Encoder.EncodeQuery(Question), second.EncodeQuery(Question));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Empty(warnings);
    }

    [Fact]
    public void ACorruptCachedGraph_IsRebuiltWithAWarning()
    {
        var path = QuantizedGraphCache.PathFor(_dir, SentenceModel.ArcticXs);
        Directory.CreateDirectory(_dir);
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8]);
        var warnings = new List<string>();

        using var encoder = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs, graphCache: _dir, warn: warnings.Add);

        Assert.Equal(model.Encoder.EncodeQuery(Question), encoder.EncodeQuery(Question));
        Assert.Contains(warnings, w => w.Contains(path, StringComparison.Ordinal) && w.Contains("rebuilt", StringComparison.Ordinal));
        Assert.True(new FileInfo(path).Length > 1_000_000, "the good graph replaced the corrupt file");
    }

    [Fact]
    public void AnotherModel_HasAnotherCacheFile()
    {
        Assert.NotEqual(QuantizedGraphCache.PathFor(_dir, SentenceModel.ArcticXs), QuantizedGraphCache.PathFor(_dir, SentenceModel.ArcticXs with { Id = "arctic-embed-xs/cls/int8/v2" }));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
