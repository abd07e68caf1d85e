using Elex.Core.Catalog;

namespace Elex.Core.Tests.Catalog;

public class CatalogEdgesTests
{
    private static Feature F(string code, string[]? requires = null, string[]? conflicts = null) => new()
    {
        Code = FeatureCode.Parse(code),
        Name = "Feature " + code[^4..],
        Requires = (requires ?? []).Select(FeatureCode.Parse).ToList(),
        Conflicts = (conflicts ?? []).Select(FeatureCode.Parse).ToList(),
    };

    private static readonly FeatureCatalog Catalog = new([
        F("FAJ 121 0001", conflicts: ["FAJ 121 0002", "FAJ 121 0009"]),
        F("FAJ 121 0002", conflicts: ["FAJ 121 0001"]),
        F("FAJ 121 0003", requires: ["FAJ 121 0001"], conflicts: ["FAJ 121 0002"]),
    ]);

    [Fact]
    public void ConflictsOf_ReadsBothSides_AndSaysWhoDeclared()
    {
        var edges = CatalogEdges.Of(Catalog);
        var ofTwo = edges.ConflictsOf(FeatureCode.Parse("FAJ 121 0002")).ToDictionary(e => e.Code.Value, e => e.DeclaredBy);
        Assert.Equal(new Dictionary<string, ConflictDeclaredBy> { ["FAJ 121 0001"] = ConflictDeclaredBy.Both, ["FAJ 121 0003"] = ConflictDeclaredBy.Other }, ofTwo);
        var ofOne = edges.ConflictsOf(FeatureCode.Parse("FAJ 121 0001"));
        Assert.Contains(ofOne, e => e.Code.Value == "FAJ 121 0009" && e.Feature is null && e.DeclaredBy == ConflictDeclaredBy.This);
    }

    [Fact]
    public void RequiredBy_IsTheReversePrerequisiteEdge()
    {
        var edges = CatalogEdges.Of(Catalog);
        Assert.Equal(["FAJ 121 0003"], edges.RequiredBy(FeatureCode.Parse("FAJ 121 0001")).Select(f => f.Code.Value));
        Assert.Empty(edges.RequiredBy(FeatureCode.Parse("FAJ 121 0003")));
        Assert.Same(edges, CatalogEdges.Of(Catalog));
    }
}
