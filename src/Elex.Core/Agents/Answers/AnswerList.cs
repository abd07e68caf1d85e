using System.Text;

namespace Elex.Core.Agents;

/// <summary>Lists in answers: cut at a limit and counted when cut ("12 of 40 shown"), complete when the caller asked for all.</summary>
internal static class AnswerList
{
    public const int Limit = 12;

    /// <summary>Appends <paramref name="items"/> comma-separated to <paramref name="text"/>.</summary>
    public static StringBuilder AppendList(this StringBuilder text, IReadOnlyList<string> items, bool all, int limit = Limit) =>
        text.AppendList(items, static s => s, all, limit);

    /// <summary>Appends a name per item, comma-separated, cut and counted.</summary>
    public static StringBuilder AppendList<T>(this StringBuilder text, IReadOnlyList<T> items, Func<T, string> name, bool all, int limit = Limit)
    {
        var shown = Shown(items.Count, all, limit);
        for (var i = 0; i < shown; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(name(items[i]));
        }
        if (shown < items.Count) text.Append(" (").Append(shown).Append(" of ").Append(items.Count).Append(" shown)");
        return text;
    }

    /// <summary>The items as one comma-separated string, cut and counted like <see cref="AppendList(StringBuilder, IReadOnlyList{string}, bool, int)"/>.</summary>
    public static string Join(IReadOnlyList<string> items, bool all, int limit = Limit) =>
        new StringBuilder().AppendList(items, all, limit).ToString();

    /// <summary>How many of a list an answer shows.</summary>
    public static int Shown(int count, bool all, int limit = Limit) => all ? count : Math.Min(limit, count);
}
