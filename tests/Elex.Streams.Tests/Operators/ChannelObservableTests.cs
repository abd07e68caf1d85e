using System.Reactive.Linq;
using System.Threading.Channels;
using Elex.Streams.Ingress;
using Elex.Streams.Tests.Marbles;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Operators;

public class ChannelObservableTests
{
    [Fact]
    public void ToObservable_ArgumentChecking() =>
        Assert.Throws<ArgumentNullException>(() => ((ChannelReader<int>)null!).ToObservable());

    [Fact]
    public async Task ToObservable_EmitsInOrderThenCompletes()
    {
        var channel = Channel.CreateBounded<int>(8);
        for (var i = 0; i < 5; i++) channel.Writer.TryWrite(i);
        channel.Writer.Complete();
        Assert.Equal([0, 1, 2, 3, 4], await channel.Reader.ToObservable().ToList());
    }

    [Fact]
    public async Task ToObservable_WriterCompletesWithError_PropagatesIt()
    {
        var channel = Channel.CreateUnbounded<int>();
        channel.Writer.TryWrite(1);
        channel.Writer.Complete(new InvalidOperationException("ingress broke"));
        var notifications = await channel.Reader.ToObservable().Materialize().ToList();
        Assert.Equal(1, notifications[0].Value);
        Assert.Equal("ingress broke", notifications[1].Exception!.Message);
        Assert.Equal(2, notifications.Count);
    }

    [Fact]
    public async Task ToObservable_ItemsWrittenConcurrently_EachDeliveredOnce()
    {
        var channel = Channel.CreateBounded<int>(16); // smaller than the total: writers are held back, never dropped
        var received = new List<int>();
        var done = new TaskCompletionSource();
        using var subscription = channel.Reader.ToObservable().Subscribe(received.Add, e => done.SetException(e), done.SetResult);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 1000; i++) await channel.Writer.WriteAsync(w * 1000 + i);
        })));
        channel.Writer.Complete();
        await done.Task;
        Assert.Equal(Enumerable.Range(0, 4000), received.Order());
        foreach (var w in Enumerable.Range(0, 4))
        {
            var fromWriter = received.Where(v => v / 1000 == w).ToList();
            Assert.Equal(fromWriter.Order(), fromWriter); // each producer's items keep their order
        }
    }

    [Fact]
    public async Task ToObservable_Disposed_StopsReading()
    {
        var channel = Channel.CreateUnbounded<int>();
        var received = new List<int>();
        var subscription = channel.Reader.ToObservable().Subscribe(received.Add);
        await channel.Writer.WriteAsync(1);
        await WaitUntil(() => received.Count == 1);
        subscription.Dispose();
        await channel.Writer.WriteAsync(2);
        Assert.True(channel.Reader.TryRead(out var left)); // still in the channel: nobody read it
        Assert.Equal(2, left);
        Assert.Equal([1], received);
    }

    // The reading loop awaits the channel, not a scheduler, so it can only be drawn in virtual time if it runs on
    // the writer's thread: with AllowSynchronousContinuations the loop's pending WaitToReadAsync resumes inline in
    // TryWrite/TryComplete, which a hot marble calls at its virtual time. Without it the loop resumes on the thread
    // pool, after virtual time has run out. The loop awaits with ConfigureAwait(false), so no synchronization
    // context can move it elsewhere either.
    private static Channel<string> InlineChannel() =>
        Channel.CreateUnbounded<string>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });

    private static IDisposable WriteInto(ITestableObservable<string> source, ChannelWriter<string> writer) =>
        source.Subscribe(item => Assert.True(writer.TryWrite(item)), e => writer.TryComplete(e), () => writer.TryComplete());

    [Fact]
    public void ToObservable_Marbles()
    {
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-b-(cd)-|");
        var channel = InlineChannel();
        using var writing = WriteInto(source, channel.Writer);

        var results = marbles.Run(() => channel.Reader.ToObservable());

        marbles.ExpectObservable(results).ToBe("--a-b-(cd)-|");
    }

    [Fact]
    public void ToObservable_Marbles_error()
    {
        var marbles = new MarbleScheduler();
        var error = new InvalidOperationException("ingress broke");
        var source = marbles.Hot("^-a-#", error);
        var channel = InlineChannel();
        using var writing = WriteInto(source, channel.Writer);

        var results = marbles.Run(() => channel.Reader.ToObservable());

        marbles.ExpectObservable(results).ToBe("--a-#", error: error);
    }

    [Fact]
    public void ToObservable_Marbles_buffers_until_subscribed_and_stops_reading_when_disposed()
    {
        // Unlike a hot observable, the channel keeps what was written before the subscription (a, b) and hands it
        // over at once; after disposal, items stay in the channel for another reader.
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-b----c--d-e-");
        var channel = InlineChannel();
        using var writing = WriteInto(source, channel.Writer);

        var results = marbles.Run(() => channel.Reader.ToObservable(), "-----^-----!");

        marbles.ExpectObservable(results).ToBe("-----(ab)c");
        Assert.True(channel.Reader.TryRead(out var first));
        Assert.True(channel.Reader.TryRead(out var second));
        Assert.Equal(("d", "e"), (first, second));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Yield();
        Assert.True(condition());
    }
}
