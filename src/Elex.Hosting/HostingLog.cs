using Microsoft.Extensions.Logging;

namespace Elex.Hosting;

/// <summary>What the hosted swarm logs, with stable event ids (the category is <c>Elex.Hosting.ElexSwarmLifetime</c>).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(1, LogLevel.Information, "Starting the Elex swarm: catalog {CatalogSource} ({FeatureCount} features), store {Store}")]
    public static partial void Starting(ILogger logger, string catalogSource, int featureCount, string store);

    [LoggerMessage(2, LogLevel.Information, "Restored learned state from {StorePath}: {AgentStates} agent states, {QTables} Q-tables, {Trajectories} trajectories")]
    public static partial void Restored(ILogger logger, string storePath, long agentStates, long qTables, long trajectories);

    [LoggerMessage(3, LogLevel.Warning, "A stored record could not be restored (the rest loaded): {Problem}")]
    public static partial void RestoreProblem(ILogger logger, string problem);

    [LoggerMessage(4, LogLevel.Information, "The Elex swarm is running ({Topology}, at most {MaxAgents} agents loaded)")]
    public static partial void Started(ILogger logger, string topology, int maxAgents);

    [LoggerMessage(5, LogLevel.Error, "The Elex swarm could not start")]
    public static partial void StartFailed(ILogger logger, Exception error);

    [LoggerMessage(6, LogLevel.Warning, "Writing learned state failed ({ConsecutiveFailures} in a row, {Pending} agents waiting; retry in {RetryIn}): {Error}")]
    public static partial void PersistFailed(ILogger logger, int consecutiveFailures, int pending, TimeSpan? retryIn, string? error);

    [LoggerMessage(7, LogLevel.Information, "Writing learned state works again after {Failures} failed attempts")]
    public static partial void PersistRecovered(ILogger logger, int failures);

    [LoggerMessage(8, LogLevel.Information, "Stopping the Elex swarm: finishing queued queries and writing learned state")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(9, LogLevel.Information, "The Elex swarm stopped after {Queries} queries; {Writes} writes of learned state ({Failures} failed attempts)")]
    public static partial void Stopped(ILogger logger, long queries, long writes, long failures);

    [LoggerMessage(10, LogLevel.Error, "The last write of learned state failed while stopping; the store was closed")]
    public static partial void StopFailed(ILogger logger, Exception error);
}
