using System.Text.Json;

namespace Elex.Benchmarks.Natural;

/// <summary>A labelled question with its set and difficulty (paraphrase / partial / named; "exact" for the dev set).</summary>
public sealed record NaturalQuestion(string Set, string Difficulty, string Text, IReadOnlySet<string> Expect)
{
    /// <summary>Reads a JSONL file of <c>{text, expect[], difficulty?}</c> lines.</summary>
    public static IReadOnlyList<NaturalQuestion> Load(string path, string set)
    {
        var list = new List<NaturalQuestion>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var difficulty = root.TryGetProperty("difficulty", out var d) ? d.GetString() ?? "exact" : "exact";
            var expect = root.GetProperty("expect").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
            list.Add(new NaturalQuestion(set, difficulty, root.GetProperty("text").GetString()!, expect));
        }
        return list;
    }

    /// <summary>The repository's own held-out natural questions (tests/data), found from the working or base directory.</summary>
    public static string? HoldoutPath()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Path.Combine(dir.FullName, "tests", "data", "natural-holdout.jsonl") is var p && File.Exists(p)) return p;
        return null;
    }
}
