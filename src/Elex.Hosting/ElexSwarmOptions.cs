using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Routing;
using Elex.Storage;
using Elex.Streams;
using Elex.Streams.Persistence;

namespace Elex.Hosting;

/// <summary>
/// What <see cref="ElexServiceCollectionExtensions.AddElexSwarm(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{ElexSwarmOptions})"/>
/// starts: which catalog, which store, and the swarm's settings. Every setting's default is
/// <see cref="SwarmConfig"/>'s own, and <see cref="SwarmConfig.Validate"/>'s rules are the ones checked at
/// start. The properties bindable from configuration (an "Elex" section of <c>appsettings.json</c>) are
/// plain values; <see cref="Catalog"/>, <see cref="RouterFactory"/> and <see cref="ConfigureSwarm"/> are
/// for code.
/// </summary>
public sealed class ElexSwarmOptions
{
    /// <summary>The configuration section the options are read from by convention, and the prefix of validation messages.</summary>
    public const string SectionName = "Elex";

    // One source of truth for the defaults: the swarm's own configuration.
    private static readonly SwarmConfig Defaults = new();

    /// <summary>
    /// A catalog JSON file to answer from; null (and no <see cref="Catalog"/>) answers from the sample
    /// catalog shipped in Elex.Core. Checked at start: the file must exist.
    /// </summary>
    public string? CatalogPath { get; set; }

    /// <summary>A catalog already loaded (code only); not together with <see cref="CatalogPath"/>.</summary>
    public FeatureCatalog? Catalog { get; set; }

    /// <summary>
    /// Builds the router over the chosen catalog (code only), e.g. <c>catalog => SemanticRouter.Build(catalog, cacheDirectory)</c>
    /// for the sentence model; null: the swarm's own router (exact evidence, lexical similarity, BM25 over glosses).
    /// </summary>
    public Func<FeatureCatalog, FeatureRouter>? RouterFactory { get; set; }

    /// <summary>
    /// The SQLite file learned state is restored from at start and written to while running and at stop
    /// (its folder is created); null or empty: nothing persists.
    /// </summary>
    public string? StorePath { get; set; }

    /// <summary>
    /// Opens the store in code instead of <see cref="StorePath"/> — an encrypted store
    /// (<c>EncryptedAgentStore.OpenAsync</c> over a SQLite one), another backend; not together with
    /// <see cref="StorePath"/>. The store is closed when the swarm stops.
    /// </summary>
    public Func<CancellationToken, Task<IAgentStore>>? OpenStore { get; set; }

    /// <summary>Whether each SQLite commit waits for the disk (safe against power loss, slower writes).</summary>
    public bool DurableAgainstPowerLoss { get; set; }

    /// <summary>Agent organisation (<see cref="SwarmConfig.Topology"/>).</summary>
    public SwarmTopology Topology { get; set; } = Defaults.Topology;

    /// <summary>Most agents loaded at once (<see cref="SwarmConfig.MaxAgents"/>).</summary>
    public int MaxAgents { get; set; } = Defaults.MaxAgents;

    /// <summary>Queries that may wait in the bounded ingress (<see cref="SwarmConfig.IngressCapacity"/>).</summary>
    public int IngressCapacity { get; set; } = Defaults.IngressCapacity;

    /// <summary>Routing confidence below which no feature matches (<see cref="SwarmConfig.MinConfidence"/>).</summary>
    public float MinConfidence { get; set; } = Defaults.MinConfidence;

    /// <summary>Routing confidence below which the answer is Unsure (<see cref="SwarmConfig.AbstainBelow"/>).</summary>
    public float AbstainBelow { get; set; } = Defaults.AbstainBelow;

    /// <summary>Publish query metrics and activities (<see cref="SwarmConfig.EnableTelemetry"/>).</summary>
    public bool EnableTelemetry { get; set; } = Defaults.EnableTelemetry;

    /// <summary>Create agents on first use (<see cref="SwarmConfig.LazyLoading"/>).</summary>
    public bool LazyLoading { get; set; } = Defaults.LazyLoading;

    /// <summary>Synchronise learned state with peers periodically (<see cref="SwarmConfig.AutoSync"/>).</summary>
    public bool AutoSync { get; set; } = Defaults.AutoSync;

    /// <summary>Synchronisation period in milliseconds (<see cref="SwarmConfig.SyncIntervalMs"/>).</summary>
    public int SyncIntervalMs { get; set; } = Defaults.SyncIntervalMs;

    /// <summary>How long Route collects questions for one sentence-model run (<see cref="SwarmConfig.SemanticBatchWindow"/>).</summary>
    public TimeSpan SemanticBatchWindow { get; set; } = Defaults.SemanticBatchWindow;

    /// <summary>Most questions in one sentence-model run (<see cref="SwarmConfig.SemanticBatchSize"/>).</summary>
    public int SemanticBatchSize { get; set; } = Defaults.SemanticBatchSize;

    /// <summary>The sliding window of the live latency percentiles (<see cref="SwarmConfig.TelemetryWindow"/>).</summary>
    public TimeSpan TelemetryWindow { get; set; } = Defaults.TelemetryWindow;

    /// <summary>How often the latency window ages out old samples (<see cref="SwarmConfig.TelemetryRefresh"/>).</summary>
    public TimeSpan TelemetryRefresh { get; set; } = Defaults.TelemetryRefresh;

    /// <summary>Query metrics retained for queries and export (<see cref="SwarmConfig.MetricRetention"/>).</summary>
    public int MetricRetention { get; set; } = Defaults.MetricRetention;

    /// <summary>Interactions before an agent leaves cold start (<see cref="SwarmConfig.ColdStartThreshold"/>).</summary>
    public int ColdStartThreshold { get; set; } = Defaults.ColdStartThreshold;

    /// <summary>Whether agents learn from feedback; false answers every question directly (<see cref="SwarmConfig.Learning"/> null).</summary>
    public bool EnableLearning { get; set; } = true;

    /// <summary>The Q-learning settings when <see cref="EnableLearning"/> (<see cref="SwarmConfig.Learning"/>).</summary>
    public QLearningOptions Learning { get; set; } = new();

    /// <summary>When learned state is written and how a failing store is retried (<see cref="SwarmConfig.Persistence"/>).</summary>
    public PersistencePolicy Persistence { get; set; } = new();

    /// <summary>
    /// Applied last to the configuration built from these options (code only), for what configuration
    /// files do not carry, e.g. <c>config => config with { SafeZones = DefaultSafeZones.LoadWith(path) }</c>.
    /// The result is validated like the rest.
    /// </summary>
    public Func<SwarmConfig, SwarmConfig>? ConfigureSwarm { get; set; }

    /// <summary>The swarm configuration these options describe (not yet validated).</summary>
    public SwarmConfig ToSwarmConfig()
    {
        var config = new SwarmConfig
        {
            Topology = Topology,
            MaxAgents = MaxAgents,
            IngressCapacity = IngressCapacity,
            MinConfidence = MinConfidence,
            AbstainBelow = AbstainBelow,
            EnableTelemetry = EnableTelemetry,
            LazyLoading = LazyLoading,
            AutoSync = AutoSync,
            SyncIntervalMs = SyncIntervalMs,
            SemanticBatchWindow = SemanticBatchWindow,
            SemanticBatchSize = SemanticBatchSize,
            TelemetryWindow = TelemetryWindow,
            TelemetryRefresh = TelemetryRefresh,
            MetricRetention = MetricRetention,
            ColdStartThreshold = ColdStartThreshold,
            Learning = EnableLearning ? Learning : null,
            Persistence = Persistence,
        };
        return ConfigureSwarm is null ? config : ConfigureSwarm(config);
    }
}
