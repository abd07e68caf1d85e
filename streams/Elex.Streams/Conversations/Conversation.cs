using System.Reactive.Linq;
using System.Reactive.Subjects;
using Elex.Core.Conversations;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams.Operators;

namespace Elex.Streams.Conversations;

/// <summary>
/// A conversation with the swarm (<see cref="ElexSwarm.CreateSession"/>): its questions go through the
/// swarm's pipeline like any other, carrying the features the conversation is about, so a follow-up
/// that names no feature ("and its counters?") is answered about them and says so
/// (<see cref="QueryResponse.ResolvedFromContext"/>). The context is a <c>Scan</c> over the
/// conversation's turns (<see cref="TrackConversationOperator.TrackConversation"/>). Questions of one
/// conversation are answered one at a time, in the order asked, each in the context the earlier ones
/// left; conversations are independent of each other.
/// </summary>
public sealed class Conversation : IDisposable
{
    private readonly ElexSwarm _swarm;
    private readonly Subject<ConversationTurn> _turns = new();
    private readonly BehaviorSubject<ConversationContext> _context = new(ConversationContext.Empty);
    // What the last answered question asked for (counters, activation …), for "and for IFO?".
    private QueryType? _lastType;
    // Each question must see the context its predecessor left, so questions wait their turn.
    private readonly SemaphoreSlim _oneQuestionAtATime = new(1, 1);
    private readonly Lock _turnGate = new();
    private int _disposed;

    internal Conversation(ElexSwarm swarm)
    {
        _swarm = swarm;
        Id = "c-" + Guid.NewGuid().ToString("N")[..12];
        _turns.TrackConversation().Subscribe(_context);
    }

    /// <summary>This conversation's id.</summary>
    public string Id { get; }

    /// <summary>The features the conversation is about now.</summary>
    public ConversationContext Context => _context.Value;

    /// <summary>
    /// The context: the current one on subscription, then every change. Completes when the conversation
    /// is disposed. A subscriber that throws is counted in <see cref="ElexSwarm.SubscriberFaults"/> and
    /// the conversation carries on.
    /// </summary>
    public IObservable<ConversationContext> Contexts => Observable.Create<ConversationContext>(observer =>
        _context.Subscribe(
            context =>
            {
                try { observer.OnNext(context); }
                catch (Exception) { _swarm.CountSubscriberFault(); }
            },
            observer.OnError,
            observer.OnCompleted));

    /// <summary>Asks a question in this conversation and awaits the response.</summary>
    /// <exception cref="ObjectDisposedException">The conversation or the swarm is disposed.</exception>
    public Task<QueryResponse> QueryAsync(string text, CancellationToken cancellationToken = default) =>
        QueryAsync(new Query(text), cancellationToken);

    /// <summary>
    /// Asks <paramref name="query"/> in this conversation (its <see cref="Query.Conversation"/> is replaced
    /// by this conversation's context) and awaits the response, after the questions asked before it.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The conversation or the swarm is disposed.</exception>
    public async Task<QueryResponse> QueryAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfDisposed();
        await _oneQuestionAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            var carried = query.Type is null ? AspectCarryOver.TypeFor(query.Text, _lastType) : null;
            var response = await _swarm.QueryAsync(query with { Conversation = _context.Value, Type = carried ?? query.Type }, cancellationToken).ConfigureAwait(false);
            if (response.Status is ResponseStatus.Answered) _lastType = response.QueryType;
            Record(ConversationTurn.Answered(response));
            return response;
        }
        finally
        {
            _oneQuestionAtATime.Release();
        }
    }

    /// <summary>Forgets the features in context: the next question starts afresh (one being answered now still counts).</summary>
    /// <exception cref="ObjectDisposedException">The conversation is disposed.</exception>
    public void Reset()
    {
        ThrowIfDisposed();
        _lastType = null;
        Record(ConversationTurn.Reset);
    }

    /// <summary>Ends the conversation: <see cref="Contexts"/> completes and further questions are refused.</summary>
    public void Dispose()
    {
        lock (_turnGate)
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _turns.OnCompleted();
        }
    }

    // Subjects must not be called concurrently, and nothing may follow their completion.
    private void Record(ConversationTurn turn)
    {
        lock (_turnGate)
        {
            if (Volatile.Read(ref _disposed) == 0) _turns.OnNext(turn);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
