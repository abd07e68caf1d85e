namespace Elex.SyncRelay;

/// <summary>A snapshot of the relay's counters; also the body of <c>GET /health</c>.</summary>
/// <param name="ConnectedClients">Clients connected right now.</param>
/// <param name="Forwarded">Messages accepted from clients and relayed to the others since start.</param>
/// <param name="Delivered">Messages written to client sockets since start (one message to three clients counts three).</param>
/// <param name="Dropped">Messages dropped from slow clients' full queues since start.</param>
/// <param name="Backlog">Messages held for clients that connect later.</param>
/// <param name="QueuedMessages">Messages waiting in all client queues right now.</param>
/// <param name="MaxClientQueueDepth">The deepest any single client queue has been since start; never above the queue capacity.</param>
public sealed record RelayStatistics(
    int ConnectedClients,
    long Forwarded,
    long Delivered,
    long Dropped,
    int Backlog,
    int QueuedMessages,
    int MaxClientQueueDepth);
