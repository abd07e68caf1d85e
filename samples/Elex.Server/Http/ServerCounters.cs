namespace Elex.Server.Http;

/// <summary>Requests the server turned away, by reason (shown in <c>GET /stats</c>).</summary>
internal sealed class ServerCounters
{
    private long _rateLimited;

    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);
}
