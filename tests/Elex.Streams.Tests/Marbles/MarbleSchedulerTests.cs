using System.Reactive.Linq;
using Xunit.Sdk;

namespace Elex.Streams.Tests.Marbles;

public class MarbleSchedulerTests
{
    private static readonly Dictionary<char, int> Numbers = new() { ['a'] = 1, ['b'] = 2, ['c'] = 3, ['d'] = 4 };

    [Fact]
    public void Select_on_a_hot_source_lines_up_with_its_caret()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("-a-^-b--c-|");
        var result = m.Run(() => source.Select(x => x.ToUpperInvariant()));

        m.ExpectObservable(result).ToBe("--B--C-|");
        m.ExpectSubscriptions(source.Subscriptions).ToBe("^------!");
    }

    [Fact]
    public void Hot_event_in_frame_zero_is_seen_when_there_is_no_caret()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("a-b|");
        m.ExpectObservable(m.Run(() => source)).ToBe("a-b|");
    }

    [Fact]
    public void Hot_events_before_the_caret_are_not_seen_but_are_recorded()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("ab-^-c|");

        m.ExpectObservable(m.Run(() => source)).ToBe("--c|");
        m.ExpectObservable(source.Messages).ToBe("ab-^-c|");
    }

    [Fact]
    public void Merge_of_hot_and_cold_with_values()
    {
        var m = new MarbleScheduler();
        var left = m.Hot("-a---b-|", Numbers);
        var right = m.Cold("--c-d|", Numbers);
        var result = m.Run(() => left.Merge(right));

        m.ExpectObservable(result).ToBe("-ac-db-|", Numbers);
        m.ExpectSubscriptions(left.Subscriptions).ToBe("^------!");
        m.ExpectSubscriptions(right.Subscriptions).ToBe("^----!");
    }

    [Fact]
    public void Merge_of_events_in_one_frame_is_a_group_hot_first()
    {
        var m = new MarbleScheduler();
        var hot = m.Hot("-a----|");
        var cold = m.Cold("-b---|");

        m.ExpectObservable(m.Run(() => cold.Merge(hot))).ToBe("-(ab)-|");
    }

    [Fact]
    public void Throttle_emits_a_value_after_a_quiet_period()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("-a-b-----c---|");
        var result = m.Run(() => source.Throttle(m.Frames(3), m.Scheduler));

        m.ExpectObservable(result).ToBe("------b-----c|");
        m.ExpectSubscriptions(source.Subscriptions).ToBe("^------------!");
    }

    [Fact]
    public void Throttle_flushes_the_pending_value_on_completion()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("-a-b|");
        m.ExpectObservable(m.Run(() => source.Throttle(m.Frames(3), m.Scheduler))).ToBe("----(b|)");
    }

    [Fact]
    public void Take_completes_and_unsubscribes_at_the_last_value()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("--a--b--c--|");
        var result = m.Run(() => source.Take(2));

        m.ExpectObservable(result).ToBe("--a--(b|)");
        m.ExpectSubscriptions(source.Subscriptions).ToBe("^----!");
    }

    [Fact]
    public void Delay_shifts_values_and_completion()
    {
        var m = new MarbleScheduler();
        var source = m.Cold("-a-b|");
        var result = m.Run(() => source.Delay(m.Frames(2), m.Scheduler));

        m.ExpectObservable(result).ToBe("---a-b|");
        m.ExpectSubscriptions(source.Subscriptions).ToBe("^---!");
    }

    [Fact]
    public void Delay_does_not_delay_an_error()
    {
        var m = new MarbleScheduler();
        var source = m.Cold("-a--#");
        m.ExpectObservable(m.Run(() => source.Delay(m.Frames(2), m.Scheduler))).ToBe("---a#");
    }

    [Fact]
    public void Error_from_an_operator_is_compared_by_type_and_message()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("-a-x-b|");
        var result = m.Run(() => source.Select(x => x == "x" ? throw new InvalidOperationException("bad x") : x));

        m.ExpectObservable(result).ToBe("-a-#", error: new InvalidOperationException("bad x"));
        m.ExpectSubscriptions(source.Subscriptions).ToBe("^--!");
        Assert.Throws<FailException>(() => m.ExpectObservable(result).ToBe("-a-#"));
    }

    [Fact]
    public void Hash_errors_with_a_MarbleException_by_default()
    {
        var m = new MarbleScheduler();
        var source = m.Cold("--#");
        m.ExpectObservable(m.Run(() => source)).ToBe("--#");
    }

    [Fact]
    public void Concat_subscribes_the_second_cold_source_when_the_first_completes()
    {
        var m = new MarbleScheduler();
        var first = m.Cold("-a|");
        var second = m.Cold("-b|");
        var result = m.Run(() => first.Concat(second));

        m.ExpectObservable(result).ToBe("-a-b|");
        m.ExpectSubscriptions(first.Subscriptions).ToBe("^-!");
        m.ExpectSubscriptions(second.Subscriptions).ToBe("--^-!");
    }

    [Fact]
    public void Never_subscribed_is_no_marble_or_dashes()
    {
        var m = new MarbleScheduler();
        var failing = m.Cold("-#");
        var next = m.Cold("-a|");
        m.ExpectObservable(m.Run(() => failing.Concat(next))).ToBe("-#");

        m.ExpectSubscriptions(next.Subscriptions).ToBe();
        m.ExpectSubscriptions(next.Subscriptions).ToBe("------");
    }

    [Fact]
    public void Unsubscription_marble_disposes_before_the_events_of_its_frame()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("-a-b-c-d-e-");
        var result = m.Run(() => source, "-----!");

        m.ExpectObservable(result).ToBe("-a-b");
        m.ExpectSubscriptions(source.Subscriptions).ToBe("^----!");
    }

    [Fact]
    public void Subscription_marble_can_subscribe_late()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("-a-b-c-d-|");
        var result = m.Run(() => source, "--^---!");

        m.ExpectObservable(result).ToBe("---b-c");
        m.ExpectSubscriptions(source.Subscriptions).ToBe("--^---!");
    }

    [Fact]
    public void Interval_in_virtual_time_stops_at_the_unsubscription()
    {
        var m = new MarbleScheduler();
        var ticks = new Dictionary<char, long> { ['0'] = 0, ['1'] = 1, ['2'] = 2 };
        var result = m.Run(() => Observable.Interval(m.Frames(2), m.Scheduler), "-------!");

        m.ExpectObservable(result).ToBe("--0-1-2", ticks);
    }

    [Fact]
    public void Endless_sources_stop_at_MaxFrames()
    {
        var m = new MarbleScheduler { MaxFrames = 10 };
        var result = m.Run(() => Observable.Interval(m.Frames(2), m.Scheduler).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        m.ExpectObservable(result).ToBe("--0-1-2-3-4");
    }

    [Fact]
    public void Other_frame_sizes_work_the_same()
    {
        var m = new MarbleScheduler(ticksPerFrame: 100);
        var source = m.Hot("^-a--b|");
        var result = m.Run(() => source.Delay(m.Frames(1), m.Scheduler));

        Assert.Equal(TimeSpan.FromTicks(300), m.Frames(3));
        m.ExpectObservable(result).ToBe("---a--b|");
    }

    [Fact]
    public void Failure_shows_both_marbles_and_the_first_difference()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("-a--b|");
        var result = m.Run(() => source);

        var failure = Assert.Throws<FailException>(() => m.ExpectObservable(result).ToBe("-a-b-|"));

        Assert.Contains("expected: -a-b-|", failure.Message, StringComparison.Ordinal);
        Assert.Contains("actual:   -a--b|", failure.Message, StringComparison.Ordinal);
        Assert.Contains("expected OnNext(b) at frame 3, actual OnNext(b) at frame 4", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_draws_values_with_the_expected_map()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("-a-b|", Numbers);
        var result = m.Run(() => source.Select(x => x + 1));

        var failure = Assert.Throws<FailException>(() => m.ExpectObservable(result).ToBe("-a-b|", Numbers));

        Assert.Contains("actual:   -b-c|", failure.Message, StringComparison.Ordinal);
        Assert.Contains("expected OnNext(1) at frame 1, actual OnNext(2) at frame 1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscription_failure_shows_both_marbles()
    {
        var m = new MarbleScheduler();
        var source = m.Hot("--a--b--c--|");
        m.Run(() => source.Take(2));

        var failure = Assert.Throws<FailException>(() => m.ExpectSubscriptions(source.Subscriptions).ToBe("^---!"));

        Assert.Contains("expected: ^---!", failure.Message, StringComparison.Ordinal);
        Assert.Contains("actual:   ^----!", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cold_sources_cannot_have_a_caret()
    {
        var m = new MarbleScheduler();
        var error = Assert.Throws<FormatException>(() => m.Cold("-a^-b"));
        Assert.Contains("position 2 ('^')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_marbles_are_reported_by_Hot_and_ToBe()
    {
        var m = new MarbleScheduler();
        Assert.Throws<FormatException>(() => m.Hot("-a-(b"));
        var result = m.Run(() => Observable.Never<string>());
        Assert.Throws<FormatException>(() => m.ExpectObservable(result).ToBe("-a-|-b"));
    }

    [Fact]
    public void One_run_per_scheduler_and_hot_sources_come_first()
    {
        var m = new MarbleScheduler();
        m.Run(() => Observable.Never<string>());

        Assert.Throws<InvalidOperationException>(() => m.Run(() => Observable.Never<string>()));
        Assert.Throws<InvalidOperationException>(() => m.Hot("-a"));
    }

    [Fact]
    public void A_frame_needs_at_least_two_ticks() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarbleScheduler(ticksPerFrame: 1));
}
