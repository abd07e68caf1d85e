using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Core.Text;

namespace Elex.Core.Tests.Routing;

public class ExactMatchNamesTests
{
    // Many names share the common words; each has one or two words of its own.
    private static readonly string[] Names =
    [
        "NR Carrier Aggregation",
        "NR Uplink Carrier Aggregation",
        "NR Carrier Aggregation Extension",
        "LTE Carrier Aggregation",
        "NR Dual Connectivity",
        "NR",
        "Uplink Power Control",
        "NR Uplink Power Control",
        .. Enumerable.Range(0, 200).Select(i => $"NR Carrier Feature{Spell(i)}"),
    ];

    private static readonly FeatureCatalog Catalog = new([.. Names.Select((name, i) => new Feature
    {
        Code = FeatureCode.Parse($"FAJ 121 {i:0000}"),
        Name = name,
    })]);

    private static readonly ExactMatchIndex Index = new(Catalog, [.. Catalog.Features.Select(f => new FeatureDocument(f))]);

    [Theory]
    [InlineData("how does nr uplink carrier aggregation schedule", "NR Uplink Carrier Aggregation")]
    [InlineData("carrier aggregation extension on nr cells", "NR Carrier Aggregation Extension")]
    [InlineData("aggregation carrier for NR", "NR Carrier Aggregation")]
    [InlineData("uplink power control in LTE", "Uplink Power Control")]
    [InlineData("NR uplink power control", "NR Uplink Power Control")]
    [InlineData("nr carrier featurealphabravobravo", "NR Carrier Featurealphabravobravo")]
    public void ANameIsMatched_InAnyOrder_AndTheMostSpecificNameWins(string question, string expected)
    {
        Assert.Equal([expected], NamesMatched(question));
    }

    [Fact]
    public void ANameMissingOneOfItsWords_IsNotMatched() =>
        Assert.DoesNotContain("NR Dual Connectivity", NamesMatched("dual mode on NR"));

    [Fact]
    public void TwoUnrelatedNames_AreBothMatched_InTheOrderTheQuestionReachesThem()
    {
        Assert.Equal(["Uplink Power Control", "LTE Carrier Aggregation"], NamesMatched("uplink power control versus LTE carrier aggregation"));
    }

    private static List<string> NamesMatched(string question)
    {
        var hits = new List<ExactHit>();
        Index.Match(question, TermAnalyzer.Analyze(question), hits);
        return [.. hits.Where(h => h.Evidence.Kind == MatchKind.Name).Select(h => Catalog[h.Ordinal].Name)];
    }

    // Distinct letter-only words, so the analyser keeps each as one term.
    private static string Spell(int i) =>
        string.Concat(new[] { i / 100, i / 10 % 10, i % 10 }.Select(d => new[] { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet" }[d]));
}
