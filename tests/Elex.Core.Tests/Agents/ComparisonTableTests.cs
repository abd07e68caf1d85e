using Elex.Core.Agents;
using Elex.Core.Catalog;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Agents;

/// <summary>The side-by-side table of a comparison.</summary>
public class ComparisonTableTests
{
    [Fact]
    public void AParameterOnSeveralManagedObjects_IsNamedOnce_AndCountedPerObject()
    {
        var lte = new Feature { Code = FeatureCode.Parse("FAJ 121 9201"), Name = "Neighbour Finder", Acronym = "NF" };
        var nr = new Feature
        {
            Code = FeatureCode.Parse("FAJ 121 9202"),
            Name = "NR Neighbour Finder",
            Acronym = "NNF",
            Parameters =
            [
                new FeatureParameter("AnrFunctionNR", "measOn", ParameterRole.Introduced),
                new FeatureParameter("NRCellCU", "measOn", ParameterRole.Introduced),
                new FeatureParameter("NRCellCU", "removeTime", ParameterRole.Introduced),
            ],
        };
        var catalog = new FeatureCatalog([lte, nr]);

        var text = new FeatureAgent(catalog, lte).Answer(
            new AnswerContext("difference between NF and NNF", new Classification(QueryType.General, Complexity.Simple)) { Compared = [lte, nr] }).Text;

        Assert.Contains("| 3 (3 introduced): measOn, removeTime |", text);
    }
}
