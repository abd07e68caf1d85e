namespace Elex.Browser.JsApi;

/// <summary>The <c>code</c> property of every error the JS API rejects with.</summary>
public static class ElexErrorCodes
{
    /// <summary>The query is not an object with a non-empty <c>text</c>, or its type/complexity is unknown.</summary>
    public const string InvalidQuery = "INVALID_QUERY";
    /// <summary>The configuration has an unusable value (the message names the option).</summary>
    public const string InvalidConfig = "INVALID_CONFIG";
    /// <summary>Feedback names a response id the swarm does not remember.</summary>
    public const string UnknownResponse = "UNKNOWN_RESPONSE";
    /// <summary>Feedback or stats name an agent or feature code that is unknown (or has not answered yet).</summary>
    public const string UnknownAgent = "UNKNOWN_AGENT";
    /// <summary>Feedback has no target or a reward outside [-1, 1].</summary>
    public const string InvalidFeedback = "INVALID_FEEDBACK";
    /// <summary>The swarm was shut down.</summary>
    public const string SwarmDisposed = "SWARM_DISPOSED";
    /// <summary>The session (<c>createSession()</c>) was closed, or never existed on this swarm.</summary>
    public const string SessionClosed = "SESSION_CLOSED";
    /// <summary><c>sync()</c> was called but sync was never configured (no <c>config.sync</c>, no <c>startSync</c>).</summary>
    public const string SyncNotStarted = "SYNC_NOT_STARTED";
    /// <summary>
    /// Sync is configured but the relay is not connected: it could not be reached, or the connection was lost
    /// (the message and <c>getSwarmStats().sync.lastError</c> say why); <c>startSync</c> connects again.
    /// </summary>
    public const string SyncUnavailable = "SYNC_UNAVAILABLE";
    /// <summary>The catalog given to <c>createSwarm</c> is not a valid Elex catalog (the message names file, feature and field).</summary>
    public const string InvalidCatalog = "INVALID_CATALOG";
    /// <summary>The store (IndexedDB) refused: quota, blocked upgrade, newer schema.</summary>
    public const string StoreError = "STORE_ERROR";
    /// <summary>
    /// The sentence model could not be loaded (<c>loadModel</c>): a URL that does not answer, a missing or
    /// corrupt file, a runtime that does not start. The message says which; the swarm goes on answering
    /// on exact and lexical evidence.
    /// </summary>
    public const string ModelUnavailable = "MODEL_UNAVAILABLE";
    /// <summary>Anything else; the message says what.</summary>
    public const string Internal = "INTERNAL";
}
