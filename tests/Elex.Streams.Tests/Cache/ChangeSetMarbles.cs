using System.Globalization;
using Elex.Streams.Cache;

namespace Elex.Streams.Tests.Cache;

/// <summary>
/// Test helper for marble tests of change sets: writes emitted change sets as text, because change sets
/// compare by reference while marble expectations compare values.
/// </summary>
internal static class ChangeSetMarbles
{
    /// <summary>
    /// The changes as text, one per change separated by spaces: <c>+1=Alice</c> (Add), <c>~1=Alice&gt;Alicia</c>
    /// (Update, previous then current).
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

            // The cache publishes nothing else; the text still names it, so a marble shows the surprise.
            _ => Invariant($"?{change}"),
        };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
