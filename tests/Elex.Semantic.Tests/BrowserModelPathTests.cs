using System.Numerics.Tensors;
using System.Text;
using Elex.Browser.JsApi;
using Elex.Browser.Model;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Core.Semantics;
using Elex.Semantic;
using Microsoft.ML.OnnxRuntime;

namespace Elex.Semantic.Tests;

/// <summary>
/// The browser's model path — .NET tokenises, a runner outside .NET runs the graph, .NET normalises the
/// [CLS] rows — against the CLR encoder: the same token ids, and (with the graph run here by ONNX
/// Runtime in place of ONNX Runtime Web) the same vectors.
/// </summary>
[Collection(ModelCollection.Name)]
public sealed class BrowserModelPathTests(ModelFixture model)
{
    // Questions written for this test (mixed case, RAN abbreviations, punctuation, a long one that is cut).
    private static readonly string[] Questions =
    [
        "Why do VoNR calls drop when the UE moves between gNBs?",
        "can the eNB mute 2 of its 4 TX branches overnight & wake them on load?",
        "PDCP duplication — is it worth it for URLLC on FR2 cells?",
        "what's the difference between DL 256-QAM and UL 64QAM activation (cxc keys)?",
        string.Join(' ', Enumerable.Repeat("interference rejection combining on the uplink with four receive antennas", 12)),
    ];

    private static ModelManifest Manifest => new()
    {
        Format = ModelManifest.ExpectedFormat,
        ModelId = SentenceModel.ArcticXs.Id,
        Dimensions = SentenceModel.ArcticXs.Dimensions,
        Pooling = "cls",
        QueryPrefix = SentenceModel.ArcticXs.QueryPrefix,
        MaxQueryTokens = SentenceModel.ArcticXs.MaxQueryTokens,
        MaxDocumentTokens = SentenceModel.ArcticXs.MaxDocumentTokens,
    };

    private static string Vocabulary()
    {
        using var stream = OnnxSentenceEncoder.OpenResource(SentenceModel.ArcticXs, SentenceModel.ArcticXs.VocabularyResource);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public void BrowserTokenizer_GivesTheClrEncodersTokenIds()
    {
        var browser = new ModelTokenizer(Manifest, Vocabulary());
        foreach (var question in Questions)
        {
            var text = SemanticIndex.ModelText(question);
            Assert.Equal(model.Encoder.QueryTokenIds(text), browser.QueryTokenIds(text));
        }
        Assert.Equal(SentenceModel.ArcticXs.MaxQueryTokens, browser.QueryTokenIds(SemanticIndex.ModelText(Questions[^1])).Length);
    }

    [Fact]
    public async Task BrowserEncoder_WithTheGraphRunHere_GivesTheClrVectors()
    {
        using var runner = new ClrGraphRunner();
        var browser = new BrowserSentenceEncoder(Manifest, new ModelTokenizer(Manifest, Vocabulary()), runner);
        var texts = Questions.Select(SemanticIndex.ModelText).ToList();
        var fromBrowser = new float[texts.Count * browser.Dimensions];
        await browser.EncodeQueriesAsync(texts, fromBrowser);
        var fromClr = new float[texts.Count * browser.Dimensions];
        model.Encoder.EncodeQueries(texts, fromClr);
        for (var i = 0; i < texts.Count; i++)
        {
            var cosine = TensorPrimitives.Dot(fromBrowser.AsSpan(i * 384, 384), fromClr.AsSpan(i * 384, 384));
            Assert.True(cosine > 0.99999f, $"question {i}: cosine {cosine}");
        }
        Assert.Equal(texts.Count, browser.Runs);
        Assert.Throws<NotSupportedException>(() => browser.EncodeQueries(texts, fromBrowser));
    }

    [Fact]
    public async Task AttachAsync_CorruptVectors_FailsNamingTheFile_AndTheRouterStaysLexical()
    {
        var router = FeatureRouter.Build(SampleCatalog.Load());
        using var runner = new ClrGraphRunner();
        var error = await Assert.ThrowsAsync<ElexApiException>(() => BrowserModel.AttachAsync(router, ManifestJson, Vocabulary(), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17], runner));
        Assert.Equal(ElexErrorCodes.ModelUnavailable, error.Code);
        Assert.Contains("feature-vector table", error.Message, StringComparison.Ordinal);
        Assert.Null(router.Semantic);

        var badManifest = await Assert.ThrowsAsync<ElexApiException>(() => BrowserModel.AttachAsync(router, "{\"format\":\"elex-model/9\"}", Vocabulary(), [], runner));
        Assert.Contains("manifest.json: format is 'elex-model/9'", badManifest.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachAsync_ShippedVectors_CoverTheSampleCatalog_AndTheModelRoutes()
    {
        var catalog = SampleCatalog.Load();
        var clrIndex = SemanticIndex.Build(catalog, RoutingGlosses.Embedded, model.Encoder);
        using var table = new MemoryStream();
        FeatureVectorTable.From(clrIndex, RoutingGlosses.Embedded).Write(table);
        var router = FeatureRouter.Build(catalog);
        using var runner = new ClrGraphRunner();
        var status = await BrowserModel.AttachAsync(router, ManifestJson, Vocabulary(), table.ToArray(), runner);
        Assert.Equal(("ready", catalog.Count, 0), (status.State, status.Features, status.EncodedFeatures));
        Assert.NotNull(router.Semantic);
        Assert.True(clrIndex.Vectors.SequenceEqual(router.Semantic!.Vectors));
    }

    private static string ManifestJson => System.Text.Json.JsonSerializer.Serialize(Manifest, ElexJsonContext.Default.ModelManifest);

    /// <summary>The graph run by ONNX Runtime on the CLR, giving [CLS] rows as ONNX Runtime Web does to elex-model.js.</summary>
    private sealed class ClrGraphRunner : IModelRunner, IDisposable
    {
        private readonly InferenceSession _session;

        public ClrGraphRunner()
        {
            // The graph `elex model export` writes (the int8 one the CLR runs).
            _session = new InferenceSession(OnnxSentenceEncoder.ReadGraph(SentenceModel.ArcticXs));
        }

        public Task<double[]> RunAsync(int[] ids, int[] mask, int batch, int length)
        {
            long[] shape = [batch, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids.Select(i => (long)i).ToArray(), shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask.Select(i => (long)i).ToArray(), shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[batch * length], shape);
            var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
            if (_session.InputMetadata.ContainsKey("token_type_ids")) inputs["token_type_ids"] = typesValue;
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, inputs, ["last_hidden_state"]);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            var rows = new double[batch * 384];
            for (var b = 0; b < batch; b++)
                for (var d = 0; d < 384; d++) rows[b * 384 + d] = hidden[b * length * 384 + d];
            return Task.FromResult(rows);
        }

        public void Dispose() => _session.Dispose();
    }
}
