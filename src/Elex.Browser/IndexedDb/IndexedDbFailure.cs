using Elex.Storage;

namespace Elex.Browser.IndexedDb;

/// <summary>Why elex-idb.js refused an operation, read from the tag its errors start with.</summary>
public enum IndexedDbFailureKind
{
    /// <summary>Any other IndexedDB or interop failure.</summary>
    Failed,
    /// <summary>The site's storage quota is exhausted (<c>QuotaExceededError</c>).</summary>
    Quota,
    /// <summary>An upgrade waits on another tab that holds the database open at an older version.</summary>
    Blocked,
    /// <summary>The database was written by a newer schema than this build knows.</summary>
    Version,
    /// <summary>There is no IndexedDB here (Node without one, a sandboxed frame) or the module did not load.</summary>
    Unavailable,
}

/// <summary>Turns a rejected elex-idb.js promise into a <see cref="StoreException"/> whose message says what happened.</summary>
public static class IndexedDbFailure
{
    private const string TagStart = "[elex-idb:";

    /// <summary>The failure kind named by a JS error message (Failed when it carries no known tag).</summary>
    public static IndexedDbFailureKind KindOf(string? message)
    {
        var start = message?.IndexOf(TagStart, StringComparison.Ordinal) ?? -1;
        if (start < 0) return IndexedDbFailureKind.Failed;
        var end = message!.IndexOf(']', start);
        return end < 0 ? IndexedDbFailureKind.Failed : message[(start + TagStart.Length)..end] switch
        {
            "QUOTA" => IndexedDbFailureKind.Quota,
            "BLOCKED" => IndexedDbFailureKind.Blocked,
            "VERSION" => IndexedDbFailureKind.Version,
            "UNAVAILABLE" => IndexedDbFailureKind.Unavailable,
            _ => IndexedDbFailureKind.Failed,
        };
    }

    /// <summary>The store exception for a failed operation on <paramref name="database"/>.</summary>
    internal static StoreException From(string database, string operation, IdbCallException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var kind = KindOf(error.Message);
        var detail = FirstLine(error.Message);
        var message = kind switch
        {
            IndexedDbFailureKind.Quota => $"IndexedDB '{database}': {operation} failed because the storage quota is exhausted; nothing of it was written. {detail}",
            IndexedDbFailureKind.Blocked => $"IndexedDB '{database}': {operation} is blocked by another tab holding an older version open. {detail}",
            IndexedDbFailureKind.Version => $"IndexedDB '{database}': {operation} refused, the database is newer than this app. {detail}",
            IndexedDbFailureKind.Unavailable => $"IndexedDB '{database}': {operation} failed, there is no IndexedDB here (in Node, load one such as fake-indexeddb, or pass enableIndexedDB: false). {detail}",
            _ => $"IndexedDB '{database}': {operation} failed. {detail}",
        };
        return new StoreException(message, error);
    }

    // JS errors arrive with their stack appended; the first line is the message.
    private static string FirstLine(string message)
    {
        var text = message.AsSpan().Trim();
        var newline = text.IndexOfAny('\r', '\n');
        return (newline < 0 ? text : text[..newline]).ToString();
    }
}
