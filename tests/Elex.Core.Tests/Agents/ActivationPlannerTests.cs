using System.Text;
using Elex.Core.Agents;
using Elex.Core.Catalog;

namespace Elex.Core.Tests.Agents;

public class ActivationPlannerTests
{
    private static FeatureCatalog Catalog(string features) =>
        CatalogLoader.Load(Encoding.UTF8.GetBytes($$"""{"schema":"elex-catalog/1","features":[{{features}}]}"""), "plan");

    private static string F(string code, string requires = "", string conflicts = "") =>
        $$"""{"code":"FAJ 121 {{code}}","name":"F{{code}}","cxc":"CXC400{{code}}","requires":[{{requires}}],"conflicts":[{{conflicts}}]}""";

    [Fact]
    public void Plan_OrdersPrerequisitesAfterTheirOwn()
    {
        // 0004 needs 0003 and 0002; 0003 needs 0001; 0002 needs 0001.
        var catalog = Catalog(string.Join(',', F("0001"), F("0002", "\"FAJ 121 0001\""), F("0003", "\"FAJ 121 0001\""), F("0004", "\"FAJ 121 0003\",\"FAJ 121 0002\"")));
        var plan = ActivationPlanner.Plan(catalog, catalog.Find(FeatureCode.Parse("FAJ 121 0004"))!);
        var order = plan.PrerequisitesInOrder.Select(f => f.Code.Value).ToList();
        Assert.Equal(3, order.Count);
        Assert.True(order.IndexOf("FAJ 121 0001") < order.IndexOf("FAJ 121 0003"));
        Assert.True(order.IndexOf("FAJ 121 0001") < order.IndexOf("FAJ 121 0002"));
        Assert.Empty(plan.Cycles);
    }

    [Fact]
    public void Plan_Cycle_IsReportedNotLooped()
    {
        var catalog = Catalog(string.Join(',', F("0001", "\"FAJ 121 0002\""), F("0002", "\"FAJ 121 0001\"")));
        var plan = ActivationPlanner.Plan(catalog, catalog[0]);
        var cycle = Assert.Single(plan.Cycles);
        Assert.Equal(["FAJ 121 0001", "FAJ 121 0002", "FAJ 121 0001"], cycle.Select(c => c.Value));
    }

    [Fact]
    public void Plan_MissingPrerequisiteAndConflicts_AreListed()
    {
        var catalog = Catalog(string.Join(',', F("0001", "\"FAJ 121 0999\"", "\"FAJ 121 0002\",\"FAJ 121 0998\""), F("0002")));
        var plan = ActivationPlanner.Plan(catalog, catalog[0]);
        Assert.Equal([FeatureCode.Parse("FAJ 121 0999")], plan.MissingPrerequisites);
        Assert.Equal("FAJ 121 0002", Assert.Single(plan.Conflicts).Code.Value);
        Assert.Equal([FeatureCode.Parse("FAJ 121 0998")], plan.MissingConflicts);
    }
}
