using System.Reactive.Concurrency;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Safety;
using Elex.Streams.Operators;
using Elex.Streams.Orleans.Learning;
using Elex.Streams.Orleans.Operators;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Orleans.Pipeline;

/// <summary>
/// The query path of a clustered swarm: the local graph's Classify, Route and ResolveFollowUps run
/// here, in the client, then AskAgents calls the agent's grain wherever it lives, and ValidateSafety
/// gives every proposed command its verdict here again (a silo is not trusted to judge its own commands):
/// ingress → Classify → Route → ResolveFollowUps → AskAgents → ValidateSafety.
/// </summary>
internal static class ClusterQueryGraph
{
    /// <summary>Every item comes out once, carrying its validated response.</summary>
    public static IObservable<PipelineItem> Build(IObservable<PipelineItem> ingress, FeatureRouter router, IGrainFactory grains, FeatureCatalog catalog,
        SafetyValidator safety, ClusterSwarmOptions options, Action<string, AnsweredBy> answered, IScheduler scheduler) =>
        ingress
            .Classify(scheduler)
            .Route(router)
            .ResolveFollowUps(router, options.AnsweredFrom)
            .AskAgents(grains, catalog, options, answered, scheduler)
            .ValidateSafety(safety);
}
