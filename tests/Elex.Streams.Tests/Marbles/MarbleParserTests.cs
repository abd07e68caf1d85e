using System.Reactive;
using Microsoft.Reactive.Testing;
using static Microsoft.Reactive.Testing.ReactiveTest;

namespace Elex.Streams.Tests.Marbles;

/// <summary>Examples from the RxJS marble testing guide, read with frame = 10 ticks unless said otherwise.</summary>
public class MarbleParserTests
{
    private const int F = MarbleParser.DefaultTicksPerFrame;

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("------")]
    [InlineData("   ")]
    public void Dashes_only_are_never(string marble) => Assert.Empty(MarbleParser.Parse(marble));

    [Fact]
    public void Bar_alone_is_empty() =>
        Assert.Equal([OnCompleted<string>(0)], MarbleParser.Parse("|"));

    [Fact]
    public void Hash_alone_errors_with_a_default_MarbleException()
    {
        var message = Assert.Single(MarbleParser.Parse("#"));
        Assert.Equal(0, message.Time);
        Assert.Equal(NotificationKind.OnError, message.Value.Kind);
        Assert.IsType<MarbleException>(message.Value.Exception);
        Assert.Equal("error", message.Value.Exception!.Message);
    }

    [Fact]
    public void Values_use_up_their_frame() =>
        Assert.Equal(
            [OnNext(2 * F, "a"), OnNext(5 * F, "b"), OnCompleted<string>(8 * F)],
            MarbleParser.Parse("--a--b--|"));

    [Fact]
    public void Value_that_never_completes() =>
        Assert.Equal([OnNext(2 * F, "a")], MarbleParser.Parse("--a--"));

    [Fact]
    public void Error_uses_the_given_exception()
    {
        var boom = new InvalidOperationException("boom");
        Assert.Equal(
            [OnNext(2 * F, "a"), OnNext(5 * F, "b"), OnError<string>(8 * F, boom)],
            MarbleParser.Parse("--a--b--#", boom));
    }

    [Fact]
    public void Caret_is_frame_zero_and_earlier_events_are_negative() =>
        Assert.Equal(
            [OnNext(-2 * F, "a"), OnNext(2 * F, "b"), OnCompleted<string>(5 * F)],
            MarbleParser.Parse("-a-^-b--|"));

    [Fact]
    public void Group_shares_one_frame_and_advances_by_its_width() =>
        Assert.Equal(
            [OnNext(2 * F, "a"), OnNext(2 * F, "b"), OnNext(2 * F, "c"), OnCompleted<string>(8 * F)],
            MarbleParser.Parse("--(abc)-|"));

    [Fact]
    public void Value_and_completion_in_one_frame() =>
        Assert.Equal([OnNext(5 * F, "a"), OnCompleted<string>(5 * F)], MarbleParser.Parse("-----(a|)"));

    [Fact]
    public void Group_of_two_advances_four_frames_the_RxJS_gotcha() =>
        Assert.Equal(
            [OnNext(0, "a"), OnNext(0, "b"), OnNext(4 * F, "c")],
            MarbleParser.Parse("(ab)c"));

    [Fact]
    public void Whitespace_is_ignored_and_takes_no_time() =>
        Assert.Equal(MarbleParser.Parse("-a-^-b--|"), MarbleParser.Parse("  -a- ^ -b - - |  "));

    [Fact]
    public void Values_come_from_the_map()
    {
        var values = new Dictionary<char, int> { ['x'] = 1, ['y'] = 2 };
        Assert.Equal([OnNext(F, 1), OnNext(3 * F, 2), OnCompleted<int>(4 * F)], MarbleParser.Parse("-x-y|", values));
    }

    [Fact]
    public void Digits_are_values_not_time() =>
        Assert.Equal([OnNext(F, "1"), OnNext(2 * F, "0"), OnCompleted<string>(3 * F)], MarbleParser.Parse("-10|"));

    [Fact]
    public void Ticks_per_frame_is_configurable()
    {
        Assert.Equal([OnNext(2, "a"), OnCompleted<string>(5)], MarbleParser.Parse("--a--|", ticksPerFrame: 1));
        Assert.Equal([OnNext(200, "a")], MarbleParser.Parse("--a", ticksPerFrame: 100));
    }

    [Theory]
    [InlineData("-a-(b", 3, '(', "unclosed group")]
    [InlineData("-((a))", 2, '(', "nested group")]
    [InlineData("-a)", 2, ')', "without a matching '('")]
    [InlineData("-()", 2, ')', "empty group")]
    [InlineData("-(a-b)", 3, '-', "inside a group")]
    [InlineData("-|-|", 3, '|', "after the completion '|' at position 1")]
    [InlineData("-#-a", 3, 'a', "after the error '#' at position 1")]
    [InlineData("(a|b)", 3, 'b', "after the completion")]
    [InlineData("--#|", 3, '|', "after the error")]
    [InlineData("^-^", 2, '^', "second subscription point")]
    [InlineData("-(^a)", 2, '^', "inside a group")]
    [InlineData("-a-!", 3, '!', "only allowed in subscription marbles")]
    [InlineData("-a-*", 3, '*', "unexpected character")]
    [InlineData("a 10ms b", 2, '1', "time progression '10ms' is not supported")]
    public void Malformed_marbles_name_position_and_character(string marble, int position, char character, string problem)
    {
        var error = Assert.Throws<FormatException>(() => MarbleParser.Parse(marble));
        Assert.Contains($"position {position} ('{character}')", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(marble, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_value_in_the_map_is_a_format_error()
    {
        var error = Assert.Throws<FormatException>(() => MarbleParser.Parse("-a-z", new Dictionary<char, int> { ['a'] = 1 }));
        Assert.Contains("position 3 ('z')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_string_values_need_a_map()
    {
        var error = Assert.Throws<FormatException>(() => MarbleParser.Parse<int>("-a"));
        Assert.Contains("position 1 ('a')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^", 0, null)]
    [InlineData("--^--", 2, null)]
    [InlineData("--^--!-", 2, 5)]
    [InlineData("^---!", 0, 4)]
    [InlineData("(^!)", 0, 0)]
    [InlineData("^!", 0, 1)]
    [InlineData(" ^ - - ! ", 0, 3)]
    [InlineData("-(^!)", 1, 1)]
    public void Subscription_marbles(string marble, int subscribe, int? unsubscribe)
    {
        var expected = unsubscribe is int u ? new Subscription(subscribe * F, u * F) : new Subscription(subscribe * F);
        Assert.Equal(expected, MarbleParser.ParseSubscription(marble));
    }

    [Fact]
    public void Subscription_ticks_per_frame() =>
        Assert.Equal(new Subscription(2, 5), MarbleParser.ParseSubscription("--^--!-", ticksPerFrame: 1));

    [Theory]
    [InlineData("^-^", 2, '^', "second subscription point")]
    [InlineData("^-!-!", 4, '!', "second unsubscription point")]
    [InlineData("!-^", 2, '^', "after the unsubscription point")]
    [InlineData("^-a", 2, 'a', "unexpected character")]
    [InlineData("(^!", 0, '(', "unclosed group")]
    [InlineData("-(^-!)", 3, '-', "inside a group")]
    [InlineData("^ 1s !", 2, '1', "time progression")]
    public void Malformed_subscription_marbles(string marble, int position, char character, string problem)
    {
        var error = Assert.Throws<FormatException>(() => MarbleParser.ParseSubscription(marble));
        Assert.Contains($"position {position} ('{character}')", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---!")]
    [InlineData("------")]
    public void Subscription_marble_without_caret_is_not_a_subscription(string marble) =>
        Assert.Contains("no subscription point '^'", Assert.Throws<FormatException>(() => MarbleParser.ParseSubscription(marble)).Message, StringComparison.Ordinal);
}
