using System.Text;
using Elex.Core.Catalog;

namespace Elex.Core.Tests.Catalog;

public class CatalogLoaderTests
{
    private static FeatureCatalog Load(string json) => CatalogLoader.Load(Encoding.UTF8.GetBytes(json), "test.json");

    private static CatalogException Fails(string json) => Assert.Throws<CatalogException>(() => Load(json));

    private const string Msm = """{"code":"FAJ 121 3094","cxc":"CXC4011808","name":"MIMO Sleep Mode","acronym":"MSM","domain":"MIMO & Antenna","parameters":[{"mo":"MimoSleepFunction","name":"sleepMode","role":"Introduced"}],"counters":[{"mo":"EUtranCellFDD","name":"pmMimoSleepTime"}],"kpis":["RAB retainability"],"events":[],"requires":["FAJ 121 0860"],"conflicts":[],"related":[],"releases":["25.Q2.0"]}""";

    [Fact]
    public void Load_ValidFeature_ReadsEveryField()
    {
        var catalog = Load($$"""{"schema":"elex-catalog/1","features":[{{Msm}}]}""");
        var f = Assert.Single(catalog.Features);
        Assert.Equal("FAJ 121 3094", f.Code.Value);
        Assert.Equal("CXC4011808", f.Cxc);
        Assert.Equal("MSM", f.Acronym);
        Assert.Equal(new FeatureParameter("MimoSleepFunction", "sleepMode", ParameterRole.Introduced), Assert.Single(f.Parameters));
        Assert.Equal("pmMimoSleepTime", Assert.Single(f.Counters).Name);
        Assert.Equal(["RAB retainability"], f.Kpis);
        Assert.Equal([FeatureCode.Parse("FAJ 121 0860")], f.Requires);
    }

    [Fact]
    public void Load_EdgeToAbsentCode_IsWarningNotError()
    {
        var catalog = Load($$"""{"schema":"elex-catalog/1","features":[{{Msm}}]}""");
        var warning = Assert.Single(catalog.Warnings);
        Assert.Equal(CatalogIssueSeverity.Warning, warning.Severity);
        Assert.Equal("requires", warning.Field);
        Assert.Contains("FAJ 121 0860", warning.Message);
        Assert.Contains("features[0] (FAJ 121 3094)", warning.ToString());
    }

    [Fact]
    public void Load_DuplicateCode_IsErrorNamingBothIndexes()
    {
        var e = Fails($$"""{"schema":"elex-catalog/1","features":[{{Msm}},{{Msm}}]}""");
        var issue = Assert.Single(e.Issues, i => i.Severity == CatalogIssueSeverity.Error);
        Assert.Equal(1, issue.FeatureIndex);
        Assert.Equal("code", issue.Field);
        Assert.Contains("features[0]", issue.Message);
    }

    [Fact]
    public void Load_MissingNameAndBadRole_ReportsEachWithIndexCodeAndField()
    {
        var e = Fails("""{"schema":"elex-catalog/1","features":[{"code":"FAJ 121 0001","name":"A"},{"code":"FAJ 121 0002","parameters":[{"mo":"M","name":"p","role":"Owner"}]}]}""");
        Assert.Contains(e.Issues, i => i is { FeatureIndex: 1, FeatureCode: "FAJ 121 0002", Field: "name" });
        Assert.Contains(e.Issues, i => i is { FeatureIndex: 1, Field: "parameters[0].role" } && i.Message.Contains("'Owner'"));
        Assert.Contains("features[1] (FAJ 121 0002).name: is required", e.Message);
    }

    [Theory]
    [InlineData("""{"features":[]}""", "schema")]
    [InlineData("""{"schema":"elex-catalog/2","features":[]}""", "schema")]
    [InlineData("""{"schema":"elex-catalog/1"}""", "features")]
    [InlineData("""{"schema":"elex-catalog/1","features":{}}""", "features")]
    [InlineData("""[1,2]""", "(root)")]
    public void Load_BadDocument_NamesTheField(string json, string field) =>
        Assert.Contains(Fails(json).Issues, i => i.Field == field && i.FeatureIndex is null);

    [Fact]
    public void Load_NotJson_SaysSo() =>
        Assert.Contains("not valid JSON", Fails("{ nope").Message);

    [Fact]
    public void Load_WrongTypes_NameTheFieldAndWhatWasFound()
    {
        var e = Fails("""{"schema":"elex-catalog/1","features":[{"code":"FAJ 121 0001","name":"A","kpis":"x","requires":["nonsense"],"cxc":5}]}""");
        Assert.Contains(e.Issues, i => i.Field == "kpis" && i.Message.Contains("array"));
        Assert.Contains(e.Issues, i => i.Field == "requires[0]" && i.Message.Contains("\"nonsense\""));
        Assert.Contains(e.Issues, i => i.Field == "cxc" && i.Message.Contains("number 5"));
    }

    [Fact]
    public void LoadFile_Missing_IsCatalogExceptionNamingPath()
    {
        var e = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile("no/such/catalog.json"));
        Assert.Contains("no/such/catalog.json", e.Message);
    }

    [Fact]
    public void LoadFile_ADirectory_SaysItIsADirectory_NotAccessDenied()
    {
        var e = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile(Path.GetTempPath()));
        Assert.Contains("is a directory; give the path of a catalog file", e.Message);
        Assert.DoesNotContain("denied", e.Message);
    }

    [Fact]
    public void LoadFile_InAMissingDirectory_NamesTheDirectory()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"elex-no-dir-{Guid.NewGuid():N}");
        var e = Assert.Throws<CatalogException>(() => CatalogLoader.LoadFile(Path.Combine(missing, "catalog.json")));
        Assert.Contains($"does not exist (no directory {missing})", e.Message);
    }

    [Fact]
    public void Sample_LoadsWithMimoSleepModeAndItsEdges()
    {
        var sample = SampleCatalog.Load();
        Assert.True(sample.Count >= 40);
        var msm = sample.Find(FeatureCode.Parse("FAJ 121 3094"));
        Assert.NotNull(msm);
        Assert.Equal("MIMO Sleep Mode", msm.Name);
        foreach (var f in sample.Features)
            foreach (var code in f.Requires)
                Assert.True(sample.Contains(code), $"{f.Code} requires {code}, which the sample must include");
    }

    private const string Untidy = """{"code":"FAJ 121 5124","name":"Uplink   Carrier\tAggregation","parameters":[{"mo":"ENodeBFunction","name":"zzzTemporary39","role":"Introduced"},{"mo":"ENodeBFunction","name":"ulCaEnabled","role":"Introduced"}],"counters":[{"mo":"EUtranCellFDD","name":"pmZtemporary118"},{"mo":"EUtranCellFDD","name":"pmUlCaTime"}],"kpis":["UL                  throughput","Increases","Decreases","and retainability"]}""";

    [Fact]
    public void Load_UntidyFeature_NormalisesWhitespaceAndLeavesJunkOut()
    {
        var f = Assert.Single(Load($$"""{"schema":"elex-catalog/1","features":[{{Untidy}}]}""").Features);
        Assert.Equal("Uplink Carrier Aggregation", f.Name);
        Assert.Equal(["UL throughput", "retainability"], f.Kpis);
        Assert.Equal(["ulCaEnabled"], f.Parameters.Select(p => p.Name));
        Assert.Equal(["pmUlCaTime"], f.Counters.Select(c => c.Name));
    }

    [Fact]
    public void Load_UntidyFeature_WarnsForEachFixWithCodeAndField()
    {
        var warnings = Load($$"""{"schema":"elex-catalog/1","features":[{{Untidy}}]}""").Warnings;
        Assert.All(warnings, w => Assert.Equal(("FAJ 121 5124", 0), (w.FeatureCode, w.FeatureIndex!.Value)));
        Assert.Equal(["name", "parameters[0].name", "counters[0].name", "kpis[0]", "kpis[1]", "kpis[2]", "kpis[3]"], warnings.Select(w => w.Field));
        Assert.Contains("'zzzTemporary39' is a placeholder", warnings[1].Message);
        Assert.Contains("'Increases' says how a KPI changes but names none", warnings[4].Message);
        Assert.Contains("read as 'retainability'", warnings[6].Message);
        Assert.Equal("warning: features[0] (FAJ 121 5124).kpis[1]: 'Increases' says how a KPI changes but names none; left out", warnings[4].ToString());
    }

    [SharedDataFact]
    public void Full_NoJunkReachesTheLoadedFeatures_AndEachIsReported()
    {
        var full = SharedData.Full!;
        foreach (var feature in full.Features)
        {
            Assert.All(feature.Kpis, k => Assert.Null(KpiText.Judge(k, out _)));
            Assert.All(feature.Kpis, k => Assert.Equal(CatalogText.Normalize(k), k));
            Assert.DoesNotContain(feature.Parameters, p => PlaceholderNames.IsPlaceholder(p.Name));
            Assert.DoesNotContain(feature.Counters, c => PlaceholderNames.IsPlaceholder(c.Name));
        }
        Assert.Contains(full.Warnings, w => w is { FeatureCode: "FAJ 121 5124", Field: "kpis[2]" } && w.Message.Contains("'Increases'"));
        Assert.Contains(full.Warnings, w => w is { FeatureCode: "FAJ 121 1898", Field: "parameters[5].name" } && w.Message.Contains("'zzzTemporary39'"));
        Assert.Contains(full.Warnings, w => w is { FeatureCode: "FAJ 121 4471", Field: "kpis[0]" } && w.Message.Contains("'downlink cell throughput'"));
    }

    [SharedDataFact]
    public void Full_LoadsAll593Features()
    {
        var full = SharedData.Full!;
        Assert.Equal(593, full.Count);
        Assert.All(full.Warnings, w => Assert.Equal(CatalogIssueSeverity.Warning, w.Severity));
    }
}
