namespace Elex.Server;

/// <summary>The server's own settings, bound from the <c>Server</c> configuration section (the swarm's are in <c>Elex</c>).</summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "Server";

    /// <summary>Which catalog the swarm answers from.</summary>
    public CatalogChoice Catalog { get; set; } = CatalogChoice.Embedded;

    /// <summary>The largest request body taken, in bytes; a larger one gets 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Requests per client and window.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// How many events may wait for one stream subscriber. A subscriber whose queue is full is dropped from the
    /// stream (and counted) rather than slowing the swarm or the other subscribers.
    /// </summary>
    public int StreamQueueCapacity { get; set; } = 64;

    /// <summary>Who may come in.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>Throws naming the first setting out of range, so a bad configuration stops the start.</summary>
    /// <exception cref="InvalidOperationException">A setting is out of range or no way to authenticate is configured.</exception>
    public void Validate()
    {
        if (MaxRequestBodyBytes < 64) throw Bad("MaxRequestBodyBytes", $"{MaxRequestBodyBytes} is below 64 bytes.");
        if (StreamQueueCapacity < 1) throw Bad("StreamQueueCapacity", "must be at least 1.");
        if (RateLimit.PermitsPerWindow < 1) throw Bad("RateLimit:PermitsPerWindow", "must be at least 1.");
        if (RateLimit.Window <= TimeSpan.Zero) throw Bad("RateLimit:Window", "must be positive.");
        Auth.Validate();
    }

    internal static InvalidOperationException Bad(string key, string problem) => new($"{SectionName}:{key}: {problem}");
}

/// <summary>Which catalog the server's swarm answers from.</summary>
public enum CatalogChoice
{
    /// <summary>The embedded full 593-feature catalog with the sentence-model router (<c>AddElexEmbeddedCatalog</c>).</summary>
    Embedded,

    /// <summary>What the <c>Elex</c> section says: <c>Elex:CatalogPath</c>, else the 53-feature sample catalog.</summary>
    Configured,
}

/// <summary>The per-client rate limit (a fixed window per authenticated user or API key).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests one client may make in a <see cref="Window"/>.</summary>
    public int PermitsPerWindow { get; set; } = 600;

    /// <summary>The window's length.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
