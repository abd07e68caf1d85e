using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Text;

namespace Elex.Core.Tests.Text;

/// <summary>Counter and parameter names are built from shortened words; a question in whole words still finds them.</summary>
public class IdentifierAbbreviationsTests
{
    [Fact]
    public void ShortenedWords_AreSpelledOut_AndKept()
    {
        var terms = IdentifierAbbreviations.Terms("HoPrepAttLteInterF");
        foreach (var whole in TermAnalyzer.Terms("handover preparation attempt")) Assert.Contains(whole, terms);
        Assert.Contains("prep", terms);
        Assert.Contains("att", terms);
    }

    [Fact]
    public void WordsWithoutAnAbbreviation_AreAnalysedAsBefore() =>
        Assert.Equal(TermAnalyzer.Terms("sleepMode").Distinct(), IdentifierAbbreviations.Terms("sleepMode"));

    [Fact]
    public void ACounterQuestionInWholeWords_LeadsWithTheCountersItDescribes()
    {
        var anr = new Feature
        {
            Code = FeatureCode.Parse("FAJ 121 9601"), Name = "Neighbour Finder", Acronym = "NF",
            Counters = [new FeatureCounter("EUtranCellFDD", "pmHoPrepAtt"), new FeatureCounter("EUtranCellFDD", "pmAnrNeighbrelRem"), new FeatureCounter("EUtranCellFDD", "pmAnrNeighbrelAdd")],
        };
        var answer = new FeatureAgent(new FeatureCatalog([anr]), anr).Answer(
            new AnswerContext("which counters count neighbour relation additions for NF", new Classification(QueryType.Counter, Complexity.Simple)));
        var first = answer.Text.Split('\n')[0];
        Assert.True(first.StartsWith("Matching what you asked: EUtranCellFDD.pmAnrNeighbrelAdd", StringComparison.Ordinal), first);
        Assert.DoesNotContain("pmHoPrepAtt", first);
    }
}
