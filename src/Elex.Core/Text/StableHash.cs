namespace Elex.Core.Text;

/// <summary>FNV-1a over UTF-16 code units: stable across processes and platforms (unlike string.GetHashCode).</summary>
internal static class StableHash
{
    /// <summary>Hashes a span of characters, optionally continuing from a seed.</summary>
    public static uint Fnv1a(ReadOnlySpan<char> text, uint seed = 2166136261)
    {
        var hash = seed;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return hash;
    }
}
