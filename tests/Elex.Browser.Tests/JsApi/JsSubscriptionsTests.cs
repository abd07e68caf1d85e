using System.Reactive.Disposables;
using Elex.Browser.JsApi;
using Elex.Core.Catalog;

namespace Elex.Browser.Tests.JsApi;

/// <summary>JS subscribers by handle: unsubscribing ends exactly that one; shutting the swarm down ends them all.</summary>
public class JsSubscriptionsTests
{
    [Fact]
    public void Removing_a_handle_ends_only_its_subscription_and_unknown_handles_are_ignored()
    {
        var subscriptions = new JsSubscriptions();
        var first = new BooleanDisposable();
        var second = new BooleanDisposable();
        var firstHandle = subscriptions.Add(first);
        var secondHandle = subscriptions.Add(second);

        subscriptions.Remove(firstHandle);
        subscriptions.Remove(firstHandle);
        subscriptions.Remove(999);

        Assert.NotEqual(firstHandle, secondHandle);
        Assert.True(first.IsDisposed);
        Assert.False(second.IsDisposed);
        Assert.Equal(1, subscriptions.Count);
    }

    [Fact]
    public async Task A_subscriber_sees_responses_until_it_unsubscribes_and_shutting_down_ends_the_rest()
    {
        var session = await JsSwarmSession.CreateAsync(SampleCatalog.Load(), null, openStore: null);
        var kept = new List<string>();
        var dropped = new List<string>();
        session.Subscriptions.Add(session.SubscribeResponses(kept.Add));
        var droppedHandle = session.Subscriptions.Add(session.SubscribeResponses(dropped.Add));

        await session.QueryAsync("""{ "text": "what is MSM?" }""");
        session.Subscriptions.Remove(droppedHandle);
        await session.QueryAsync("""{ "text": "what is IFLB?" }""");
        await session.DisposeAsync();

        Assert.Equal(2, kept.Count);
        Assert.Single(dropped);
        Assert.Equal(0, session.Subscriptions.Count);
    }
}
