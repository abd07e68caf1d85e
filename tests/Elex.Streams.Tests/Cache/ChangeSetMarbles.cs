using System.Globalization;
using Elex.Streams.Cache;

namespace Elex.Streams.Tests.Cache;

/// <summary>
/// Test helper for marble tests of change sets: builds the sets a hot marble plays, and writes emitted change
/// sets as text, because change sets compare by reference while marble expectations compare values.
/// </summary>
internal static class ChangeSetMarbles
{
    /// <summary>A change set holding <paramref name="changes"/> in order.</summary>
    public static ChangeSet<TObject, TKey> Set<TObject, TKey>(params Change<TObject, TKey>[] changes)
        where TKey : notnull
    {
        var set = new ChangeSet<TObject, TKey>(changes.Length);
        foreach (var change in changes)
        {
            set.Add(change);
        }

        return set;
    }

    /// <summary>
    /// The changes as text, one per change separated by spaces: <c>+1=Alice</c> (Add), <c>~1=Alice&gt;Alicia</c>
    /// (Update, previous then current), <c>-1=Alicia</c> (Remove), <c>!1=Alicia</c> (Refresh).
    /// </summary>
    public static string Describe<TObject, TKey>(IEnumerable<Change<TObject, TKey>> changes)
        where TKey : notnull =>
        string.Join(' ', changes.Select(Describe));

    /// <summary>One change as text, in the form of <see cref="Describe{TObject, TKey}(IEnumerable{Change{TObject, TKey}})"/>.</summary>
    public static string Describe<TObject, TKey>(Change<TObject, TKey> change)
        where TKey : notnull => change.Reason switch
        {
            ChangeReason.Add => Invariant($"+{change.Key}={change.Current}"),
            ChangeReason.Update => Invariant($"~{change.Key}={change.Previous}>{change.Current}"),
            ChangeReason.Remove => Invariant($"-{change.Key}={change.Current}"),
            ChangeReason.Refresh => Invariant($"!{change.Key}={change.Current}"),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change.Reason, "Unknown change reason."),
        };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
