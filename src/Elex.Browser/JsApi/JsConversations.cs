using System.Text.Json;
using Elex.Core.Catalog;
using Elex.Streams;
using Elex.Streams.Conversations;

namespace Elex.Browser.JsApi;

/// <summary>
/// The conversations (JS sessions, <c>swarm.createSession()</c>) of one swarm behind the JS API, by a
/// handle unique within the swarm: questions in a session are answered in its context, so a follow-up
/// is understood. Unknown or closed handles reject with SESSION_CLOSED, a shut-down swarm with SWARM_DISPOSED.
/// </summary>
public sealed class JsConversations(ElexSwarm swarm)
{
    private readonly Dictionary<int, Conversation> _open = [];
    private readonly Lock _gate = new();
    private int _lastHandle;

    /// <summary>Starts a conversation; returns its handle.</summary>
    /// <exception cref="ElexApiException">SWARM_DISPOSED.</exception>
    public int Open()
    {
        Conversation conversation;
        try
        {
            conversation = swarm.CreateSession();
        }
        catch (ObjectDisposedException)
        {
            throw SwarmDisposed();
        }
        lock (_gate)
        {
            _open[++_lastHandle] = conversation;
            return _lastHandle;
        }
    }

    /// <summary>Asks a question (query JSON) in a conversation; resolves with the response JSON.</summary>
    /// <exception cref="ElexApiException">INVALID_QUERY, SESSION_CLOSED or SWARM_DISPOSED.</exception>
    public async Task<string> QueryAsync(int handle, string? queryJson)
    {
        var query = JsQueryParser.Parse(queryJson);
        var conversation = Get(handle);
        try
        {
            var response = await conversation.QueryAsync(query).ConfigureAwait(false);
            return JsonSerializer.Serialize(JsResponse.From(response), ElexJsonContext.Default.JsResponse);
        }
        catch (ObjectDisposedException)
        {
            // Closed while the question waited its turn, or the swarm went away under it.
            throw IsOpen(handle) ? SwarmDisposed() : Closed(handle);
        }
    }

    /// <summary>Forgets a conversation's context.</summary>
    /// <exception cref="ElexApiException">SESSION_CLOSED.</exception>
    public void Reset(int handle)
    {
        try
        {
            Get(handle).Reset();
        }
        catch (ObjectDisposedException)
        {
            throw Closed(handle);
        }
    }

    /// <summary>The features a conversation is about, most recent first, as JSON <c>[{ code, name }]</c>.</summary>
    /// <exception cref="ElexApiException">SESSION_CLOSED.</exception>
    public string Context(int handle)
    {
        var features = Get(handle).Context.Features
            .Select(code => new JsContextFeature(code.Value, swarm.Catalog.Find(code)?.Name ?? code.Value))
            .ToArray();
        return JsonSerializer.Serialize(features, ElexJsonContext.Default.JsContextFeatureArray);
    }

    /// <summary>Ends a conversation; an unknown or closed handle is ignored.</summary>
    public void Close(int handle)
    {
        Conversation? conversation;
        lock (_gate) _open.Remove(handle, out conversation);
        conversation?.Dispose();
    }

    /// <summary>Ends every conversation (the swarm is shutting down).</summary>
    public void CloseAll()
    {
        List<Conversation> all;
        lock (_gate)
        {
            all = [.. _open.Values];
            _open.Clear();
        }
        foreach (var conversation in all) conversation.Dispose();
    }

    private Conversation Get(int handle)
    {
        lock (_gate) return _open.TryGetValue(handle, out var conversation) ? conversation : throw Closed(handle);
    }

    private bool IsOpen(int handle)
    {
        lock (_gate) return _open.ContainsKey(handle);
    }

    private static ElexApiException Closed(int handle) => new(ElexErrorCodes.SessionClosed, $"session {handle} was closed or never created on this swarm");

    private static ElexApiException SwarmDisposed() => new(ElexErrorCodes.SwarmDisposed, "the swarm was shut down");
}

/// <summary>A feature a JS session is about: its code and name.</summary>
public sealed record JsContextFeature(string Code, string Name);
