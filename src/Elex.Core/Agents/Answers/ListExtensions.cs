namespace Elex.Core.Agents;

internal static class ListExtensions
{
    /// <summary>The index of the very instance (not an equal record) in a list, or -1.</summary>
    public static int IndexOfReference<T>(this IReadOnlyList<T> list, T item) where T : class
    {
        for (var i = 0; i < list.Count; i++) if (ReferenceEquals(list[i], item)) return i;
        return -1;
    }
}
