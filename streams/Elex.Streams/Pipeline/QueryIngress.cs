using System.Threading.Channels;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams.Ingress;
using Elex.Streams.Telemetry;

namespace Elex.Streams.Pipeline;

/// <summary>
/// The bounded channel in front of the query graph: producers on any thread wait (or are turned away)
/// here instead of growing memory, and one reading loop hands the graph its items in arrival order.
/// </summary>
internal sealed class QueryIngress
{
    private readonly Channel<PipelineItem> _channel;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SwarmLifetime _lifetime;
    private readonly System.Reactive.Concurrency.IScheduler _scheduler;
    private readonly SwarmConfig _config;
    private long _taken;

    public QueryIngress(SwarmConfig config, System.Reactive.Concurrency.IScheduler scheduler, SwarmLifetime lifetime)
    {
        _config = config;
        _scheduler = scheduler;
        _lifetime = lifetime;
        _channel = Channel.CreateBounded<PipelineItem>(new BoundedChannelOptions(config.IngressCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The queued items, read by one loop.</summary>
    public IObservable<PipelineItem> Items => _channel.Reader.ToObservable();

    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>True when no query waits in the queue (the reading loop has taken every one written so far).</summary>
    public bool IsEmpty => _channel.Reader.Count == 0;

    public Task<QueryResponse> QueryAsync(Query query, CancellationToken cancellationToken)
    {
        // The usual case — room in the ingress, nothing to cancel — hands the caller the response's own task:
        // no wrapper to complete, so no extra hop through the thread pool per query.
        if (query is not null && !cancellationToken.CanBeCanceled && !_lifetime.IsDisposed)
        {
            var item = NewItem(query);
            if (_channel.Writer.TryWrite(item))
            {
                Interlocked.Increment(ref _taken);
                return item.Completion!.Task;
            }
            return WriteThenAwaitAsync(query, item, cancellationToken);
        }
        return WriteThenAwaitAsync(query, null, cancellationToken);
    }

    // Waits for room (or the caller's token); bad input and a closed swarm fail the returned task.
    private async Task<QueryResponse> WriteThenAwaitAsync(Query? query, PipelineItem? made, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        _lifetime.ThrowIfDisposed();
        var item = made ?? NewItem(query);
        try
        {
            await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(ElexSwarm));
        }
        Interlocked.Increment(ref _taken);
        return await item.Completion!.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The query's parts as the graph completes each stage, asked once per subscription. Like
    /// <see cref="QueryAsync"/>, a full ingress is waited for (leaving, or <paramref name="cancellationToken"/>,
    /// stops the wait). Every way to fail is an Error part, then completion.
    /// </summary>
    public IObservable<AnswerPart> Stream(Query query, SubscriberFaultCounter faults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(faults);
        return System.Reactive.Linq.Observable.Create<AnswerPart>(observer =>
        {
            var sink = new AnswerPartSink(query.Id, observer, faults);
            if (_lifetime.IsDisposed)
            {
                sink.Fail(IngressStage, new ObjectDisposedException(nameof(ElexSwarm)));
                return System.Reactive.Disposables.Disposable.Empty;
            }
            // The caller's token stops the wait and the delivery; the query, once in, is answered all the same (as QueryAsync's).
            var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var cancelled = cancellationToken.Register(() => sink.Fail(CancelledStage, new OperationCanceledException(cancellationToken)));
            _ = EnterAsync(NewItem(query, completion: null) with { Parts = sink }, stop.Token);
            return System.Reactive.Disposables.Disposable.Create(() =>
            {
                sink.Unsubscribe();
                // Unregister, not Dispose: this runs inside the sink's last delivery (its lock held) when the stream
                // completes, and Dispose would wait for a cancellation callback already running on another thread —
                // one that is itself waiting for that lock.
                cancelled.Unregister();
                stop.Cancel();
                stop.Dispose();
            });
        });
    }

    /// <summary>The stage an Error part names when the query never got into the graph.</summary>
    public const string IngressStage = "ingress";
    /// <summary>The stage an Error part names when the caller's token was cancelled.</summary>
    public const string CancelledStage = "cancelled";

    private async Task EnterAsync(PipelineItem item, CancellationToken stop)
    {
        try
        {
            await _channel.Writer.WriteAsync(item, stop).ConfigureAwait(false);
            Interlocked.Increment(ref _taken);
        }
        catch (ChannelClosedException)
        {
            item.Parts!.Fail(IngressStage, new ObjectDisposedException(nameof(ElexSwarm)));
        }
        catch (OperationCanceledException e)
        {
            // After an unsubscription the sink has ended and says nothing more.
            item.Parts!.Fail(IngressStage, e);
        }
    }

    public Task<QueryResponse> TryQueryAsync(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _lifetime.ThrowIfDisposed();
        var item = NewItem(query);
        if (!_channel.Writer.TryWrite(item)) return Task.FromException<QueryResponse>(new SwarmBusyException(_config.IngressCapacity));
        Interlocked.Increment(ref _taken);
        return item.Completion!.Task;
    }

    /// <summary>Stops taking queries and waits until those already queued have been answered.</summary>
    public Task CloseAndDrainAsync()
    {
        _channel.Writer.TryComplete();
        return _drained.Task;
    }

    public void Drained() => _drained.TrySetResult();

    // Only a broken ingress ends the graph; callers still waiting are failed with the cause.
    public void Fail(Exception error)
    {
        _channel.Writer.TryComplete();
        while (_channel.Reader.TryRead(out var item))
        {
            item.Completion?.TrySetException(error);
            item.Parts?.Fail(IngressStage, error);
        }
    }

    private PipelineItem NewItem(Query query) =>
        NewItem(query, new TaskCompletionSource<QueryResponse>(TaskCreationOptions.RunContinuationsAsynchronously));

    private PipelineItem NewItem(Query query, TaskCompletionSource<QueryResponse>? completion) =>
        new(query, _scheduler.Now, completion)
        {
            Activity = _config.EnableTelemetry ? SwarmInstrumentation.StartQuery(query.Id) : null,
        };
}
