using System.Numerics.Tensors;
using System.Reflection;
using Elex.Semantic;

namespace Elex.Semantic.Tests;

[Collection(ModelCollection.Name)]
public class Int8QuantizationTests(ModelFixture model)
{
    private static byte[] FloatGraph()
    {
        var source = SentenceModel.ArcticXsFloat;
        using var stream = Assembly.Load(source.AssemblyName).GetManifestResourceStream(source.ModelResource)!;
        var graph = new byte[stream.Length];
        stream.ReadExactly(graph);
        return graph;
    }

    [Fact]
    public void TheQuantisedGraph_IsUnderAThirdOfTheFloatOne()
    {
        var graph = FloatGraph();
        var quantized = Int8Quantization.Quantize(graph);
        Assert.True(quantized.Length < graph.Length / 3, $"{quantized.Length:N0} bytes from {graph.Length:N0}");
    }

    [Fact]
    public void QuantisedVectors_StayCloseToTheFloatModels_AndKeepTheirRanking()
    {
        using var exact = OnnxSentenceEncoder.Load(SentenceModel.ArcticXsFloat);
        string[] questions = ["put idle antenna branches to sleep at night to save energy", "which counters show handover failures to WCDMA", "limit how far from the site a UE may attach"];
        foreach (var question in questions)
        {
            var cosine = TensorPrimitives.CosineSimilarity(exact.EncodeQuery(question), model.Encoder.EncodeQuery(question));
            Assert.True(cosine > 0.97f, $"'{question}': cosine {cosine:0.000} with the float model");
        }
        string[] documents = ["Switches off MIMO branches when traffic is low.", "Counts inter-RAT handover attempts and failures.", "Sets the maximum cell range for random access."];
        for (var q = 0; q < questions.Length; q++)
        {
            Assert.Equal(Best(exact, questions[q], documents), Best(model.Encoder, questions[q], documents));
        }
    }

    [Fact]
    public void BytesThatAreNotAModel_AreASemanticModelException()
    {
        var e = Assert.Throws<SemanticModelException>(() => Int8Quantization.Quantize([0xFF, 0xFF, 0xFF, 0x01, 0x02]));
        Assert.Contains("ONNX", e.Message);
    }

    private static int Best(OnnxSentenceEncoder encoder, string question, string[] documents)
    {
        var q = encoder.EncodeQuery(question);
        var docs = new float[documents.Length * encoder.Dimensions];
        encoder.EncodeDocuments(documents, docs);
        var scores = Enumerable.Range(0, documents.Length).Select(i => TensorPrimitives.Dot(q, docs.AsSpan(i * encoder.Dimensions, encoder.Dimensions))).ToArray();
        return Array.IndexOf(scores, scores.Max());
    }
}
