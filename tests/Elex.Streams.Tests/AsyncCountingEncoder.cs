using System.Reactive.Concurrency;
using Elex.Core.Semantics;

namespace Elex.Streams.Tests;

/// <summary>
/// The stream tests' stand-in for the browser's model: <see cref="CountingEncoder"/>'s vectors, but
/// questions only asynchronously, each run finishing <see cref="Delay"/> later on the given scheduler
/// (virtual time), as ONNX Runtime Web resolves its Promise later. Like the browser's, the synchronous
/// question path refuses.
/// </summary>
public sealed class AsyncCountingEncoder(IScheduler scheduler, TimeSpan delay) : ISentenceEncoder, IAsyncSentenceEncoder
{
    private readonly CountingEncoder _vectors = new();

    public string ModelId => _vectors.ModelId;
    public int Dimensions => _vectors.Dimensions;
    public TimeSpan Delay => delay;
    public bool Fail { get; set; }

    /// <summary>The size of every run, in the order the runs started.</summary>
    public List<int> QueryBatches { get; } = [];

    /// <summary>Virtual time at which each run started.</summary>
    public List<long> RunStarts { get; } = [];

    public void EncodeQueries(IReadOnlyList<string> texts, Span<float> destination) =>
        throw new NotSupportedException("this model encodes questions asynchronously only");

    public void EncodeDocuments(IReadOnlyList<string> texts, Span<float> destination) => _vectors.EncodeDocuments(texts, destination);

    public Task EncodeQueriesAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken = default)
    {
        QueryBatches.Add(texts.Count);
        RunStarts.Add(scheduler.Now.Ticks);
        var done = new TaskCompletionSource();
        var fail = Fail;
        scheduler.Schedule(delay, () =>
        {
            if (fail)
            {
                done.SetException(new InvalidOperationException("model run failed"));
                return;
            }
            _vectors.EncodeDocuments(texts, destination.Span);
            done.SetResult();
        });
        return done.Task;
    }

    public Task EncodeDocumentsAsync(IReadOnlyList<string> texts, Memory<float> destination, CancellationToken cancellationToken = default)
    {
        _vectors.EncodeDocuments(texts, destination.Span);
        return Task.CompletedTask;
    }
}
