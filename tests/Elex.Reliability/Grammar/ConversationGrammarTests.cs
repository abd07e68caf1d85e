using Elex.Reliability.Support;
using Elex.Streams.Conversations;

namespace Elex.Reliability.Grammar;

/// <summary>
/// The Rx grammar on <see cref="Conversation.Contexts"/>: several conversations on one swarm, each
/// asked from several threads at once and reset meanwhile, then ended while questions are still
/// waiting, and the swarm disposed under the rest. Every context stream completes once, after its
/// last value; every question is answered or refused with <see cref="ObjectDisposedException"/>.
/// </summary>
public class ConversationGrammarTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static readonly string[] Questions =
    [
        "what does TTI bundling do for cell-edge VoLTE users?",
        "and its counters?",
        "how is MSM different from IFLB?",
        "what about the sleep counters?",
        "prerequisites?",
        "does it need a licence?",
    ];

    [Fact]
    public async Task ConcurrentQuestionsResetsAndEndings_KeepTheGrammarOfEveryContextStream()
    {
        var swarm = await Sample.NewSwarmAsync(new Streams.SwarmConfig { IngressCapacity = 8 });
        var conversations = Enumerable.Range(0, 6).Select(_ => swarm.CreateSession()).ToList();
        var observers = conversations.Select((c, i) => new GrammarObserver<Core.Conversations.ConversationContext>($"conversation {i}", spin: 50)).ToList();
        var subscriptions = conversations.Select((c, i) => c.Contexts.Subscribe(observers[i])).ToList();

        var asked = conversations.SelectMany((conversation, c) => Enumerable.Range(0, 4).Select(thread => Task.Run(async () =>
        {
            var outcomes = new List<string>();
            for (var q = 0; q < 30; q++)
            {
                if ((q + thread) % 11 == 0)
                {
                    try { conversation.Reset(); }
                    catch (ObjectDisposedException) { }
                }
                try { outcomes.Add((await conversation.QueryAsync(Questions[(q + thread + c) % Questions.Length])).Status.ToString()); }
                catch (ObjectDisposedException) { outcomes.Add("refused"); }
            }
            return outcomes;
        }))).ToList();

        // End half the conversations while questions are in flight, then the swarm under the others.
        await Task.WhenAny(asked).WaitAsync(Guard);
        foreach (var conversation in conversations.Take(3)) conversation.Dispose();
        await swarm.DisposeAsync();
        var outcomes = (await Task.WhenAll(asked).WaitAsync(Guard)).SelectMany(o => o).ToList();
        foreach (var conversation in conversations) conversation.Dispose();

        foreach (var observer in observers) observer.AssertCompletedCleanly();
        Assert.Equal(6 * 4 * 30, outcomes.Count);
        Assert.All(outcomes, o => Assert.Contains(o, new[] { "Answered", "Unsure", "NoMatch", "refused" }));
        Assert.Contains("Answered", outcomes);
        foreach (var subscription in subscriptions) subscription.Dispose();
    }
}
