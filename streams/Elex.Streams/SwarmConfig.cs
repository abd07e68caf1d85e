using Elex.Core.Learning;
using Elex.Core.Safety;
using Elex.Streams.Persistence;

namespace Elex.Streams;

/// <summary>
/// Swarm options with the seed SDK's names and defaults. <see cref="Validate"/> rejects values
/// that cannot work, naming the option.
/// </summary>
public sealed record SwarmConfig
{
    /// <summary>Agent organisation.</summary>
    public SwarmTopology Topology { get; init; } = SwarmTopology.HierarchicalMesh;
    /// <summary>Most agents loaded at once (least recently used evicted beyond it).</summary>
    public int MaxAgents { get; init; } = 50;
    /// <summary>Publish query metrics.</summary>
    public bool EnableTelemetry { get; init; } = true;
    /// <summary>Persist to IndexedDB in the browser.</summary>
    public bool EnableIndexedDB { get; init; } = true;
    /// <summary>Create agents on first use instead of all at start.</summary>
    public bool LazyLoading { get; init; } = true;
    /// <summary>Synchronise learned state periodically.</summary>
    public bool AutoSync { get; init; } = true;
    /// <summary>Synchronisation period in milliseconds.</summary>
    public int SyncIntervalMs { get; init; } = 60_000;
    /// <summary>Queries that may wait in the bounded ingress before producers are held back.</summary>
    public int IngressCapacity { get; init; } = 1024;
    /// <summary>Routing confidence below which the swarm answers "no matching feature" (with candidates) instead of guessing.</summary>
    public float MinConfidence { get; init; } = 0.05f;

    /// <summary>
    /// Below this routing confidence the swarm does not answer as the feature's agent: the response is
    /// Unsure, lists the three closest features with why, and proposes no command. Confidence is
    /// calibrated (see docs/PERFORMANCE.md, "abstention threshold"): at 0.7, nine in ten natural
    /// questions are answered and the rest say they are unsure.
    /// </summary>
    public float AbstainBelow { get; init; } = 0.7f;

    /// <summary>
    /// With a sentence-model router: how long the Route stage collects questions so that one model run
    /// serves them all (<see cref="TimeSpan.Zero"/> routes each question on its own, with no wait).
    /// </summary>
    public TimeSpan SemanticBatchWindow { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Most questions in one sentence-model run.</summary>
    public int SemanticBatchSize { get; init; } = 8;

    /// <summary>
    /// The router's sentence model may be attached after the swarm starts and encodes asynchronously
    /// (the browser's ONNX Runtime Web): the Route stage routes at once until a model is attached, then
    /// micro-batches with one asynchronous model run per batch (<c>RouteWithAsyncModel</c>). Needs a
    /// positive <see cref="SemanticBatchWindow"/>.
    /// </summary>
    public bool AsyncModel { get; init; }

    /// <summary>
    /// Routing runs ahead of answering: the ingress's reading thread classifies and routes, and a
    /// second thread of the swarm's own resolves follow-ups, dispatches, answers, validates and
    /// delivers, so the next questions are routed while earlier ones are answered (about 1.6–1.9× the
    /// throughput on two cores). One first-in-first-out queue joins the two, so responses leave in the
    /// order the queries were taken, as with one thread. On by default where the process has more than
    /// one processor and can start threads; the browser's single thread always runs the graph on one.
    /// </summary>
    public bool RouteAhead { get; init; } = Environment.ProcessorCount > 1 && !OperatingSystem.IsBrowser();

    /// <summary>
    /// With <see cref="RouteAhead"/>: most routed queries that wait for the answering thread. Enough to keep
    /// both threads busy, few enough that a slow subscriber still holds producers back: at most
    /// <see cref="IngressCapacity"/> queued plus these routed ahead (plus the one being answered) are in flight.
    /// </summary>
    public const int RouteAheadWindow = 32;
    /// <summary>The sliding window of the live latency percentiles.</summary>
    public TimeSpan TelemetryWindow { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>How often the latency window ages out old samples when traffic stops.</summary>
    public TimeSpan TelemetryRefresh { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Query metrics retained for time-range queries and export (oldest dropped beyond).</summary>
    public int MetricRetention { get; init; } = 10_000;
    /// <summary>Q-learning settings of every agent (the seed's defaults); null turns learning off (every answer direct).</summary>
    public QLearningOptions? Learning { get; init; } = new();
    /// <summary>Interactions before an agent leaves cold start.</summary>
    public int ColdStartThreshold { get; init; } = 100;
    /// <summary>
    /// The safe zones every proposed command is checked against: the built-in defaults unless set
    /// (merge a user's file with <see cref="DefaultSafeZones.LoadWith"/>). A change to a parameter without a zone needs approval.
    /// </summary>
    public SafeZoneSet SafeZones { get; init; } = DefaultSafeZones.Load();
    /// <summary>When agent state is written to the store (debounce, batch size) and how a failing store is retried.</summary>
    public PersistencePolicy Persistence { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option; returns this config.</summary>
    public SwarmConfig Validate()
    {
        Require(Enum.IsDefined(Topology), nameof(Topology), $"{(int)Topology} is not a topology (mesh, hierarchical, hierarchical_mesh)");
        Require(MaxAgents is >= 1 and <= 100_000, nameof(MaxAgents), $"{MaxAgents} must be between 1 and 100000");
        Require(SyncIntervalMs >= 1_000, nameof(SyncIntervalMs), $"{SyncIntervalMs} must be at least 1000 ms");
        Require(IngressCapacity is >= 1 and <= 1_000_000, nameof(IngressCapacity), $"{IngressCapacity} must be between 1 and 1000000");
        Require(MinConfidence is >= 0f and <= 1f, nameof(MinConfidence), $"{MinConfidence} must be between 0 and 1");
        Require(AbstainBelow is >= 0f and <= 1f, nameof(AbstainBelow), $"{AbstainBelow} must be between 0 and 1");
        Require(SemanticBatchWindow >= TimeSpan.Zero, nameof(SemanticBatchWindow), $"{SemanticBatchWindow} must not be negative");
        Require(SemanticBatchSize >= 1, nameof(SemanticBatchSize), $"{SemanticBatchSize} must be at least 1");
        Require(!AsyncModel || SemanticBatchWindow > TimeSpan.Zero, nameof(SemanticBatchWindow), "an asynchronous model needs a positive batch window");
        Require(!RouteAhead || !OperatingSystem.IsBrowser(), nameof(RouteAhead), "the browser runs .NET on one thread; routing cannot run ahead there");
        Require(TelemetryWindow > TimeSpan.Zero, nameof(TelemetryWindow), $"{TelemetryWindow} must be positive");
        Require(TelemetryRefresh > TimeSpan.Zero, nameof(TelemetryRefresh), $"{TelemetryRefresh} must be positive");
        Require(MetricRetention is >= 1 and <= 10_000_000, nameof(MetricRetention), $"{MetricRetention} must be between 1 and 10000000");
        if (Learning is not null)
        {
            try
            {
                Learning.Validate();
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"SwarmConfig.Learning: {e.Message}", nameof(Learning), e);
            }
        }
        Require(SafeZones is not null, nameof(SafeZones), "must be set (use SafeZoneSet.Empty for no zones)");
        Require(Persistence is not null, nameof(Persistence), "must be set");
        try
        {
            Persistence?.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"SwarmConfig.Persistence: {e.Message}", nameof(Persistence), e);
        }
        Require(ColdStartThreshold >= 0, nameof(ColdStartThreshold), $"{ColdStartThreshold} must not be negative");
        return this;
    }

    /// <summary>Parses a topology name as the seed spells it (mesh, hierarchical, hierarchical_mesh).</summary>
    public static SwarmTopology ParseTopology(string name) => name.Trim().ToLowerInvariant().Replace("-", "_") switch
    {
        "mesh" => SwarmTopology.Mesh,
        "hierarchical" => SwarmTopology.Hierarchical,
        "hierarchical_mesh" or "hierarchicalmesh" => SwarmTopology.HierarchicalMesh,
        _ => throw new ArgumentException($"Topology '{name}' is not one of mesh, hierarchical, hierarchical_mesh.", nameof(name)),
    };

    private static void Require(bool ok, string option, string message)
    {
        if (!ok) throw new ArgumentException($"SwarmConfig.{option}: {message}.", option);
    }
}
