using System.Reactive.Linq;
using Elex.Streams.Cache;
using Elex.Streams.Tests.Marbles;

namespace Elex.Streams.Tests.Cache;

using static ChangeSetMarbles;
using Person = TransformOperatorTests.Person;
using PersonView = TransformOperatorTests.PersonView;

public sealed class TransformOperatorTests
{
    private static readonly Person Alice = new(1, "Alice");
    private static readonly Person Alicia = new(1, "Alicia");
    private static readonly Person Bob = new(2, "Bob");

    private static readonly Dictionary<char, IChangeSet<string, int>> Sets = new()
    {
        ['a'] = Set(Change<string, int>.Add(1, "Alice")),
        ['x'] = Set(Change<string, int>.Add(2, "")),
    };

    private static readonly Dictionary<char, string> Initials = new() { ['w'] = "+1=A" };

    public sealed record Person(int Id, string Name);

    /// <summary>A reference type with identity, to check that Transform re-uses its projections.</summary>
    public sealed class PersonView(Person source)
    {
        public Person Source { get; } = source;
    }

    private static SourceCache<Person, int> NewCache() => new(p => p.Id);

    [Fact]
    public void Transform_keeps_keys_and_reasons()
    {
        using var cache = NewCache();
        using var results = new ChangeSetAggregator<string, int>(cache.Connect().Transform(p => p.Name));

        cache.AddOrUpdate([Alice, Bob]);
        cache.AddOrUpdate(Alicia);
        cache.Refresh(2);
        cache.Remove(1);

        Assert.Equal(4, results.Messages.Count);
        Assert.Equal(
            [
                Change<string, int>.Add(1, "Alice"),
                Change<string, int>.Add(2, "Bob"),
                Change<string, int>.Update(1, "Alicia", "Alice"),
                Change<string, int>.Refresh(2, "Bob"),
                Change<string, int>.Remove(1, "Alicia"),
            ],
            results.Changes);
        Assert.Equal(new Dictionary<int, string> { [2] = "Bob" }, results.Data);
        Assert.Empty(results.Inconsistencies);
    }

    [Fact]
    public void Transform_reuses_the_earlier_projection_for_previous_removed_and_refreshed_values()
    {
        using var cache = NewCache();
        var projections = 0;
        using var results = new ChangeSetAggregator<PersonView, int>(cache.Connect().Transform(p =>
        {
            projections++;
            return new PersonView(p);
        }));

        cache.AddOrUpdate(Alice);
        cache.AddOrUpdate(Alicia);
        cache.Refresh(1);
        cache.Remove(1);

        var changes = results.Changes;
        Assert.Equal([ChangeReason.Add, ChangeReason.Update, ChangeReason.Refresh, ChangeReason.Remove], changes.Select(c => c.Reason));
        Assert.Equal(2, projections);
        Assert.Same(changes[0].Current, changes[1].Previous);
        Assert.Same(changes[1].Current, changes[2].Current);
        Assert.Same(changes[1].Current, changes[3].Current);
        Assert.Equal(Alicia, changes[3].Current.Source);
    }

    [Fact]
    public void Transform_that_throws_ends_the_stream_with_the_error()
    {
        using var cache = NewCache();
        using var results = new ChangeSetAggregator<string, int>(
            cache.Connect().Transform<Person, int, string>(p => p.Id == 2 ? throw new FormatException("bad") : p.Name));

        cache.AddOrUpdate(Alice);
        cache.AddOrUpdate(Bob); // the editor is not affected
        cache.AddOrUpdate(Alicia);

        Assert.IsType<FormatException>(results.Error);
        Assert.Equal([Change<string, int>.Add(1, "Alice")], results.Changes);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Transform_completes_when_the_cache_is_disposed()
    {
        var cache = NewCache();
        using var transformed = new ChangeSetAggregator<string, int>(cache.Connect().Transform(p => p.Name));

        cache.Dispose();

        Assert.True(transformed.IsCompleted);
    }

    [Fact]
    public void Transform_checks_its_arguments_when_called()
    {
        IObservable<IChangeSet<Person, int>> none = null!;
        using var cache = NewCache();

        Assert.Throws<ArgumentNullException>("source", () => none.Transform(p => p.Name));
        Assert.Throws<ArgumentNullException>("transform", () => cache.Connect().Transform((Func<Person, string>)null!));
    }

    [Fact]
    public void Transform_Marbles()
    {
        // An Update's previous value and a Remove's value are the earlier projections, so they come out upper-cased too.
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-b-c-d-|", new Dictionary<char, IChangeSet<string, int>>
        {
            ['a'] = Set(Change<string, int>.Add(1, "Alice"), Change<string, int>.Add(2, "Bob")),
            ['b'] = Set(Change<string, int>.Update(1, "Alicia", "Alice")),
            ['c'] = Set(Change<string, int>.Refresh(2, "Bob")),
            ['d'] = Set(Change<string, int>.Remove(1, "Alicia")),
        });
        var expected = new Dictionary<char, string>
        {
            ['w'] = "+1=ALICE +2=BOB",
            ['x'] = "~1=ALICE>ALICIA",
            ['y'] = "!2=BOB",
            ['z'] = "-1=ALICIA",
        };

        var results = marbles.Run(() => source.Transform(name => name.ToUpperInvariant()).Select(Describe));

        marbles.ExpectObservable(results).ToBe("--w-x-y-z-|", expected);
        marbles.ExpectSubscriptions(source.Subscriptions).ToBe("^---------!");
    }

    [Fact]
    public void Transform_Marbles_projection_error()
    {
        // The change set whose projection throws is not emitted; the error ends the stream and unsubscribes from the source.
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-x-a-|", Sets);
        var bad = new FormatException("empty name");

        var results = marbles.Run(() => source.Transform(name => name.Length == 0 ? throw bad : name[..1]).Select(Describe));

        marbles.ExpectObservable(results).ToBe("--w-#", Initials, bad);
        marbles.ExpectSubscriptions(source.Subscriptions).ToBe("^---!");
    }

    [Fact]
    public void Transform_Marbles_source_error()
    {
        var marbles = new MarbleScheduler();
        var source = marbles.Hot("^-a-#", Sets);

        var results = marbles.Run(() => source.Transform(name => name[..1]).Select(Describe));

        marbles.ExpectObservable(results).ToBe("--w-#", Initials);
    }
}
