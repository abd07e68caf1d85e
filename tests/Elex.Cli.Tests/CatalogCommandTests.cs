using System.Text.Json;

namespace Elex.Cli.Tests;

public class CatalogCommandTests
{
    private const string Untidy = """
        {"schema":"elex-catalog/1","features":[{"code":"FAJ 121 9999","name":"Test Feature Alpha","acronym":"TFA",
         "parameters":[{"mo":"ENodeBFunction","name":"zzzTemporary39","role":"Introduced"},{"mo":"ENodeBFunction","name":"tfaEnabled","role":"Introduced"}],
         "kpis":["downlink cell      throughput","Increases","Decreases"]}]}
        """;

    [Fact]
    public async Task Warnings_NameTheFeatureCodeAndFieldOfEveryJunkValue()
    {
        using var file = new TempFile(Untidy);
        var (exit, output, _) = await CliRunner.Run("catalog", "--catalog", file.Path, "--warnings");
        Assert.Equal(0, exit);
        Assert.Contains("1 features, 1 parameter links, 0 counter links, 4 warning(s)", output);
        Assert.Contains("features[0] (FAJ 121 9999).parameters[0].name: 'zzzTemporary39' is a placeholder, not a real parameter name; left out", output);
        Assert.Contains("features[0] (FAJ 121 9999).kpis[0]: whitespace runs collapsed: read as 'downlink cell throughput'", output);
        Assert.Contains("features[0] (FAJ 121 9999).kpis[1]: 'Increases' says how a KPI changes but names none; left out", output);
        Assert.Contains("features[0] (FAJ 121 9999).kpis[2]: 'Decreases'", output);
    }

    [Fact]
    public async Task Warnings_OnTheEmbeddedFullCatalog_ReportItsJunk()
    {
        var (exit, output, _) = await CliRunner.Run("catalog", "--warnings");
        Assert.Equal(0, exit);
        Assert.DoesNotContain(" 0 warning(s)", output);
        Assert.Contains("(FAJ 121 5124).kpis[2]: 'Increases'", output);
        Assert.Contains("(FAJ 121 1898).parameters[5].name: 'zzzTemporary39'", output);
    }

    [Fact]
    public async Task AnAnswer_ListsNeitherJunkKpisNorPlaceholders()
    {
        using var file = new TempFile(Untidy);
        var (exit, output, _) = await CliRunner.Run("ask", "--json", "--catalog", file.Path, "--type", "Kpi", "which KPIs does TFA affect?");
        Assert.Equal(0, exit);
        var text = JsonDocument.Parse(output).RootElement.GetProperty("text").GetString()!;
        Assert.Contains("downlink cell throughput", text);
        Assert.DoesNotContain("Increases", text);
        Assert.DoesNotContain("Decreases", text);
        (_, output, _) = await CliRunner.Run("ask", "--json", "--catalog", file.Path, "--type", "Parameter", "which parameters does TFA have?");
        text = JsonDocument.Parse(output).RootElement.GetProperty("text").GetString()!;
        Assert.Contains("tfaEnabled", text);
        Assert.DoesNotContain("zzzTemporary39", text);
    }
}
