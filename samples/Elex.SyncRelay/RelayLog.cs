namespace Elex.SyncRelay;

/// <summary>What the relay tells its operator; message bodies are never logged (they are opaque and may be large).</summary>
internal static partial class RelayLog
{
    [LoggerMessage(1, LogLevel.Information, "Client {Client} connected from {Remote}")]
    public static partial void Connected(ILogger logger, long client, string? remote);

    [LoggerMessage(2, LogLevel.Information, "Client {Client} left")]
    public static partial void Left(ILogger logger, long client);

    [LoggerMessage(3, LogLevel.Warning, "Client {Client} closed for a policy violation: {Reason}")]
    public static partial void Violated(ILogger logger, long client, string reason);
}
