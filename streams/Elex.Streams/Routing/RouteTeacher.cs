using System.Text.Json;
using Elex.Core.Catalog;
using Elex.Core.Responses;
using Elex.Core.Routing;
using Elex.Storage;

namespace Elex.Streams.Routing;

/// <summary>
/// Turns "this should have been feature X" into routing: remembers which question each recent
/// response answered, teaches the router on a correction, and keeps the learned routes (and the
/// recent questions, so a later process can be told about an earlier answer) in the store.
/// </summary>
internal sealed class RouteTeacher(FeatureRouter router, FeatureCatalog catalog, IAgentStore? store)
{
    internal const string MemoryKey = "route-memory";
    internal const string RecentKey = "recent-questions";
    private const int RecentCapacity = 1_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<RecentQuestion> _recent = new();
    private readonly Dictionary<string, LinkedListNode<RecentQuestion>> _byId = new(StringComparer.Ordinal);
    // Stored routes to features this catalog lacks: unused here, written back so a catalog that has them still finds them.
    private StoredRoute[] _elsewhere = [];

    public void Remember(QueryResponse response)
    {
        if (response.Status is not (ResponseStatus.Answered or ResponseStatus.Unsure) || string.IsNullOrEmpty(response.QueryText)) return;
        lock (_gate) Add(new RecentQuestion(response.ResponseId, response.QueryText, response.ResolvedFromContext));
    }

    public async Task<CorrectionResult> CorrectAsync(string responseId, string featureCode, CancellationToken cancellationToken)
    {
        if (!FeatureCode.TryParse(featureCode, out var code) || !catalog.Contains(code))
            return new(false, $"'{featureCode}' is not a feature code of this catalog; nothing was learned.", router.Memory.Count);
        RecentQuestion? asked;
        lock (_gate) asked = _byId.TryGetValue(responseId, out var node) ? node.Value : null;
        if (asked is null)
            return new(false, $"No response '{responseId}' is remembered (unknown, or older than the last {RecentCapacity}); nothing was learned.", router.Memory.Count);
        // "how do I activate it?" names no feature: taught as a route, it would send every such question to one feature.
        if (asked.FollowUp)
            return new(false, $"Response '{responseId}' answered a follow-up (\"{Shorten(asked.Question)}\") from its conversation; its words name no feature, so the router learns nothing from it. Ask again naming the feature.", router.Memory.Count);
        var question = asked.Question;
        router.Teach(question, code);
        if (store is not null) await SaveMemoryAsync(cancellationToken).ConfigureAwait(false);
        return new(true, $"The router learned that \"{Shorten(question)}\" is about {catalog.Find(code)!.DisplayName}.", router.Memory.Count);
    }

    /// <summary>The router's learned routes as a delta shares them.</summary>
    public IReadOnlyList<Elex.Sync.SharedRoute> SharedRoutes() =>
        router.Memory.Routes.Select(r => new Elex.Sync.SharedRoute(r.Feature.Value, r.Question)).ToList();

    /// <summary>Teaches the router a trusted peer's learned routes it does not know yet (for features of this catalog); true when any was new.</summary>
    public bool Adopt(IReadOnlyList<Elex.Sync.SharedRoute> routes)
    {
        var fresh = new List<LearnedRoute>();
        foreach (var r in routes)
        {
            if (!FeatureCode.TryParse(r.Feature, out var code) || !catalog.Contains(code) || r.Question.Length > Elex.Core.Queries.Query.MaxLength) continue;
            if (!router.Memory.Knows(r.Question, code)) fresh.Add(new LearnedRoute(r.Question, code));
        }
        if (fresh.Count == 0) return false;
        router.Restore(fresh);
        return true;
    }

    /// <summary>Writes the learned routes to the store (after a peer's were adopted).</summary>
    public Task SaveLearnedAsync(CancellationToken cancellationToken) => store is null ? Task.CompletedTask : SaveMemoryAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> LoadAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (store is null) return problems;
        if (await store.GetSettingAsync(MemoryKey, cancellationToken).ConfigureAwait(false) is { } memory)
        {
            try
            {
                var routes = JsonSerializer.Deserialize(memory, RoutingJson.Default.StoredRouteArray) ?? [];
                _elsewhere = [.. routes.Where(r => !FeatureCode.TryParse(r.Feature, out var code) || !catalog.Contains(code))];
                var learned = routes.Where(r => FeatureCode.TryParse(r.Feature, out _)).Select(r => new LearnedRoute(r.Question, FeatureCode.Parse(r.Feature))).ToList();
                var skipped = router.Restore(learned);
                if (skipped.Count > 0) problems.Add($"{skipped.Count} learned route(s) name features this catalog lacks; they are kept but unused.");
            }
            catch (JsonException e)
            {
                problems.Add($"The learned routes could not be read ({e.Message}); routing starts without them.");
            }
        }
        if (await store.GetSettingAsync(RecentKey, cancellationToken).ConfigureAwait(false) is { } recent)
        {
            try
            {
                lock (_gate)
                    foreach (var r in JsonSerializer.Deserialize(recent, RoutingJson.Default.StoredQuestionArray) ?? []) Add(new RecentQuestion(r.ResponseId, r.Question, r.FollowUp));
            }
            catch (JsonException)
            {
                // Only the ability to correct answers of an earlier run is lost; nothing learned depends on it.
            }
        }
        return problems;
    }

    public async Task SaveRecentAsync(CancellationToken cancellationToken)
    {
        if (store is null) return;
        StoredQuestion[] recent;
        lock (_gate) recent = [.. _recent.Select(r => new StoredQuestion(r.ResponseId, r.Question, r.FollowUp))];
        await store.SetSettingAsync(RecentKey, JsonSerializer.Serialize(recent, RoutingJson.Default.StoredQuestionArray), cancellationToken).ConfigureAwait(false);
    }

    private Task SaveMemoryAsync(CancellationToken cancellationToken)
    {
        StoredRoute[] routes = [.. _elsewhere, .. router.Memory.Routes.Select(r => new StoredRoute(r.Question, r.Feature.Value))];
        return store!.SetSettingAsync(MemoryKey, JsonSerializer.Serialize(routes, RoutingJson.Default.StoredRouteArray), cancellationToken);
    }

    private void Add(RecentQuestion asked)
    {
        if (_byId.ContainsKey(asked.ResponseId)) return;
        _byId[asked.ResponseId] = _recent.AddLast(asked);
        if (_recent.Count <= RecentCapacity) return;
        _byId.Remove(_recent.First!.Value.ResponseId);
        _recent.RemoveFirst();
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..77] + "..." : text;

    private sealed record RecentQuestion(string ResponseId, string Question, bool FollowUp);
}
