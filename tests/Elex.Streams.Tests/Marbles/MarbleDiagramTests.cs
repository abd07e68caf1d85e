using System.Reactive.Linq;
using Microsoft.Reactive.Testing;

namespace Elex.Streams.Tests.Marbles;

public class MarbleDiagramTests : ReactiveTest
{
    private static long T(long frame) => MarbleDiagram.Origin + frame * MarbleDiagram.FrameTicks;

    [Fact]
    public void Parse_ValuesUseUpTheirFrame() =>
        Assert.Equal([OnNext(T(1), "a"), OnNext(T(3), "b"), OnCompleted<string>(T(5))], MarbleDiagram.Parse<string>("-a-b-|"));

    [Fact]
    public void Parse_GroupSharesAFrameAndAdvancesByItsLength() =>
        Assert.Equal([OnNext(T(2), "a"), OnNext(T(2), "b"), OnNext(T(2), "c"), OnCompleted<string>(T(8))], MarbleDiagram.Parse<string>("--(abc)-|"));

    [Fact]
    public void Parse_HotSubscriptionPointIsFrameZero() =>
        Assert.Equal([OnNext(T(2), "b"), OnCompleted<string>(T(4))], MarbleDiagram.Parse<string>("-a-^-b-|"));

    [Fact]
    public void Parse_ErrorAndValuesMap()
    {
        var boom = new InvalidOperationException("boom");
        Assert.Equal([OnNext(T(0), 42), OnError<int>(T(1), boom)], MarbleDiagram.Parse("x#", new Dictionary<char, int> { ['x'] = 42 }, boom));
    }

    [Theory]
    [InlineData("-a-(b")]
    [InlineData("-(a(b))")]
    [InlineData("-a-|-b")]
    [InlineData("^-^")]
    [InlineData("-a-*")]
    public void Parse_Malformed_NamesTheProblem(string diagram) =>
        Assert.Contains($"'{diagram}'", Assert.Throws<FormatException>(() => MarbleDiagram.Parse<string>(diagram)).Message);

    [Fact]
    public void ParseSubscription_StartAndEnd() =>
        Assert.Equal(new Subscription(T(0), T(3)), MarbleDiagram.ParseSubscription("^--!"));

    [Theory]
    [InlineData("-a-b-|")]
    [InlineData("--(ab)--c|")]
    [InlineData("a#")]
    public void Format_RoundTrips(string diagram) =>
        Assert.Equal(diagram, MarbleDiagram.Format(MarbleDiagram.Parse<string>(diagram)));

    [Fact]
    public void RealOperators_ReadAsPictures()
    {
        var scheduler = new TestScheduler();
        var left = scheduler.CreateHotObservable(MarbleDiagram.Parse<string>("^-a---c-|").ToArray());
        var right = scheduler.CreateHotObservable(MarbleDiagram.Parse<string>("^---b-----|").ToArray());
        var merged = scheduler.Start(() => left.Merge(right).Select(s => s.ToUpperInvariant()));
        // A hot source's '^' is the subscription frame: results line up with it character for character.
        MarbleAssert.Observable("--A-B-C---|", merged);
        MarbleAssert.Subscriptions("^-------!", left.Subscriptions); // left ends at its own completion

        var throttled = new TestScheduler();
        var source = throttled.CreateHotObservable(MarbleDiagram.Parse<string>("^-ab----c---|").ToArray());
        var result = throttled.Start(() => source.Throttle(TimeSpan.FromTicks(2 * MarbleDiagram.FrameTicks), throttled));
        MarbleAssert.Observable("-----b----c-|", result);
    }

    [Fact]
    public void MarbleAssert_Failure_ShowsBothDiagrams()
    {
        var scheduler = new TestScheduler();
        var source = scheduler.CreateHotObservable(MarbleDiagram.Parse<string>("^-a-b-|").ToArray());
        var result = scheduler.Start(() => source);
        var failure = Assert.ThrowsAny<Exception>(() => MarbleAssert.Observable("-a--b|", result));
        Assert.Contains("expected: -a--b|", failure.Message);
        Assert.Contains("actual: --a-b-|", failure.Message);
    }
}
