using System.Reactive.Linq;
using System.Threading.Channels;
using Elex.Streams.Ingress;

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

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Yield();
        Assert.True(condition());
    }
}
