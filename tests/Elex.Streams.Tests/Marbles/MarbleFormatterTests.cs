using System.Reactive;
using Microsoft.Reactive.Testing;
using static Microsoft.Reactive.Testing.ReactiveTest;

namespace Elex.Streams.Tests.Marbles;

public class MarbleFormatterTests
{
    private const int F = MarbleParser.DefaultTicksPerFrame;

    [Theory]
    [InlineData("")]
    [InlineData("|")]
    [InlineData("#")]
    [InlineData("--a--")]
    [InlineData("-a-b-|")]
    [InlineData("--a--b--#")]
    [InlineData("--(abc)-|")]
    [InlineData("-----(a|)")]
    [InlineData("(ab)c")]
    [InlineData("a-^-b--|")]
    [InlineData("ab-^")]
    [InlineData("a-b-c-d-e-f-g-h-i-j|")]
    public void Parse_then_format_round_trips(string marble)
    {
        var error = new MarbleException();
        var messages = MarbleParser.Parse(marble, error);
        var drawn = MarbleFormatter.Format(messages);

        Assert.Equal(marble.TrimEnd('-'), drawn);
        Assert.Equal(messages, MarbleParser.Parse(drawn, error));
    }

    [Theory]
    [InlineData("-a-b-|---", "-a-b-|")]
    [InlineData(" -a - b - | ", "-a-b-|")]
    [InlineData("^-a|", "--a|")]
    [InlineData("-a-^-b--|", "a-^-b--|")]
    public void Formatting_is_canonical(string marble, string expected) =>
        Assert.Equal(expected, MarbleFormatter.Format(MarbleParser.Parse(marble)));

    [Fact]
    public void Values_are_drawn_with_their_key_in_the_map()
    {
        var values = new Dictionary<char, int> { ['x'] = 1, ['y'] = 2 };
        Assert.Equal("-x-y|", MarbleFormatter.Format([OnNext(F, 1), OnNext(3 * F, 2), OnCompleted<int>(4 * F)], values));
    }

    [Fact]
    public void Values_that_cannot_be_drawn_are_question_marks() =>
        Assert.Equal("-?-(a?)", MarbleFormatter.Format([OnNext(F, "long"), OnNext(3 * F, "a"), OnNext(3 * F, "*")]));

    [Fact]
    public void Times_between_frames_are_drawn_in_the_frame_that_contains_them() =>
        Assert.Equal("-a-(bc)", MarbleFormatter.Format([OnNext(F + 1, "a"), OnNext(3 * F, "b"), OnNext(4 * F - 1, "c")]));

    [Fact]
    public void Negative_times_round_down() =>
        Assert.Equal("a^", MarbleFormatter.Format([OnNext(-5, "a")]));

    [Fact]
    public void Ticks_per_frame_is_configurable() =>
        Assert.Equal("--a--|", MarbleFormatter.Format([OnNext(200, "a"), OnCompleted<string>(500)], ticksPerFrame: 100));

    [Fact]
    public void Events_the_notation_cannot_place_are_drawn_late()
    {
        // (ab) at frame 0 takes frames 0-3, so c at frame 1 cannot be drawn at its frame.
        Assert.Equal("(ab)c", MarbleFormatter.Format([OnNext(0, "a"), OnNext(0, "b"), OnNext(F, "c")]));
    }

    [Theory]
    [InlineData(0, null, "^")]
    [InlineData(20, null, "--^")]
    [InlineData(20, 50, "--^--!")]
    [InlineData(0, 40, "^---!")]
    [InlineData(0, 0, "(^!)")]
    [InlineData(30, 30, "---(^!)")]
    [InlineData(0, 10, "^!")]
    [InlineData(21, 52, "--^--!")]
    public void Subscription_IsDrawnAtItsSubscribeAndUnsubscribeFrames(int subscribe, int? unsubscribe, string expected)
    {
        var subscription = unsubscribe is int u ? new Subscription(subscribe, u) : new Subscription(subscribe);
        Assert.Equal(expected, MarbleFormatter.FormatSubscription(subscription));
    }

    [Theory]
    [InlineData("^")]
    [InlineData("--^")]
    [InlineData("--^--!")]
    [InlineData("(^!)")]
    [InlineData("^!")]
    [InlineData("----^-----------!")]
    public void Subscription_round_trips(string marble) =>
        Assert.Equal(marble, MarbleFormatter.FormatSubscription(MarbleParser.ParseSubscription(marble)));

    [Fact]
    public void Subscription_before_frame_zero_cannot_be_drawn() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MarbleFormatter.FormatSubscription(new Subscription(-10, 20)));
}
