using System.Numerics.Tensors;
using Elex.Semantic;

namespace Elex.Semantic.Tests;

[Collection(ModelCollection.Name)]
public class OnnxSentenceEncoderTests(ModelFixture model)
{
    [Fact]
    public void Vectors_AreUnitLength_WithTheModelsDimensions()
    {
        var v = model.Encoder.EncodeQuery("switch off antenna branches at low traffic");
        Assert.Equal(384, v.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(v), 3);
    }

    [Fact]
    public void SimilarMeaning_IsCloserThanUnrelatedText()
    {
        var question = model.Encoder.EncodeQuery("calls drop when users leave LTE coverage");
        var docs = new float[2 * 384];
        model.Encoder.EncodeDocuments(["Hands a voice call over to 2G or 3G when LTE coverage ends, so it is not dropped.", "Synchronises the node clock with a GPS receiver."], docs);
        var related = TensorPrimitives.Dot(question, docs.AsSpan(0, 384));
        var unrelated = TensorPrimitives.Dot(question, docs.AsSpan(384, 384));
        Assert.True(related > unrelated + 0.05f, $"related {related}, unrelated {unrelated}");
    }

    [Fact]
    public void ABatch_GivesEachTextExactlyTheVectorItGetsAlone()
    {
        string[] texts = ["short", "a much longer question about uplink carrier aggregation not activating on a busy cell", "cell range", "why do handovers to the 3G layer fail after midnight"];
        using var concurrent = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs, concurrentRuns: 2);
        var batch = new float[texts.Length * 384];
        concurrent.EncodeQueries(texts, batch);
        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(model.Encoder.EncodeQuery(texts[i]), batch.AsSpan(i * 384, 384).ToArray());
    }

    [Fact]
    public void DestinationTooSmall_IsANamedArgumentError()
    {
        var e = Assert.Throws<ArgumentException>(() => model.Encoder.EncodeQueries(["a", "b"], new float[384]));
        Assert.Contains("2 vectors need 768", e.Message);
    }

    [Fact]
    public void AMissingModelPackage_IsASemanticModelException()
    {
        var e = Assert.Throws<SemanticModelException>(() => OnnxSentenceEncoder.Load(SentenceModel.ArcticXs with { AssemblyName = "No.Such.Model.Package" }));
        Assert.Contains("No.Such.Model.Package", e.Message);
    }

    [Fact]
    public void AMissingResource_IsNamed()
    {
        var e = Assert.Throws<SemanticModelException>(() => OnnxSentenceEncoder.Load(SentenceModel.ArcticXs with { ModelResource = "missing.onnx" }));
        Assert.Contains("missing.onnx", e.Message);
    }
}
