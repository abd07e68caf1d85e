using System.Globalization;
using System.Text;
using System.Text.Json;
using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Routing.Snapshots;

namespace Elex.Core.Tests.Routing.Snapshots;

/// <summary>Catalog bytes, questions and a bit-exact description of a route, for comparing snapshot and fresh routers.</summary>
internal static class SnapshotTestData
{
    public static byte[] SampleBytes()
    {
        using var stream = typeof(SampleCatalog).Assembly.GetManifestResourceStream("Elex.Core.sample-catalog.json")!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    public static SnapshotResult LoadOrBuild(string path, byte[] bytes, RouterOptions? options = null, Elex.Core.Routing.Glosses.RoutingGlosses? glosses = null, List<string>? notes = null) =>
        RouterSnapshot.LoadOrBuild(path, bytes, "(test catalog)", () => CatalogLoader.Load(bytes, "(test catalog)"), options: options, glosses: glosses, note: notes is null ? null : notes.Add);

    /// <summary>Questions that exercise every channel: codes, names, acronyms, parameters, counters, KPIs and free text.</summary>
    public static IEnumerable<string> QuestionsAbout(FeatureCatalog catalog)
    {
        foreach (var f in catalog.Features)
        {
            yield return $"what is {f.Code}";
            yield return $"how does {f.Name} work?";
            if (f.Acronym is { } acronym) yield return $"which counters show {acronym} is working?";
            if (f.Parameters.Count > 0) yield return $"set {f.Parameters[0].Name} to 2 on cell A";
            if (f.Counters.Count > 0) yield return $"what does the counter {f.Counters[^1].Name} measure?";
            if (f.Kpis.Count > 0) yield return $"{f.Kpis[0]} dropped on NR cells after the upgrade, why?";
        }
        yield return "uplink carrier aggregation prerequisites";
        yield return "can an LTE cell mute two of its four transmit branches at night?";
        yield return "enable the load thing on cell A";
        yield return "";
    }

    /// <summary>The first <paramref name="count"/> labelled dev questions (full catalog only).</summary>
    public static IEnumerable<string> DevQuestions(int count) =>
        File.ReadLines(SharedData.DevQuestionsPath!).Take(count).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.GetProperty("text").GetString()!;
        });

    /// <summary>Everything a route says, floats as bits: two routers agree on a question only if these strings are equal.</summary>
    public static string Describe(RouteResult r)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Bits(r.Confidence)} {r.IsAmbiguous} {r.QuestionRat} {r.UsedSemantic}");
        foreach (var c in r.Candidates)
        {
            text.Append(CultureInfo.InvariantCulture, $" | {c.Ordinal} {c.Feature.Code} {Bits(c.Score)} {Bits(c.Similarity)} {Bits(c.Confidence)}");
            foreach (var e in c.Evidence) text.Append(CultureInfo.InvariantCulture, $" [{e.Kind} {e.Text} {e.SharedBy}]");
        }
        return text.ToString();
    }

    private static string Bits(float value) => BitConverter.SingleToInt32Bits(value).ToString("x8", CultureInfo.InvariantCulture);
}
