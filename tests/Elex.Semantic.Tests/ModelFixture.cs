using Elex.Semantic;

namespace Elex.Semantic.Tests;

/// <summary>The shipped model, loaded once for every test class that needs it.</summary>
public sealed class ModelFixture : IDisposable
{
    public OnnxSentenceEncoder Encoder { get; } = OnnxSentenceEncoder.Load(SentenceModel.ArcticXs);

    public void Dispose() => Encoder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ModelCollection : ICollectionFixture<ModelFixture>
{
    public const string Name = "model";
}
