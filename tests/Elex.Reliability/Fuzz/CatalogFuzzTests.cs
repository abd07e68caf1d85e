using Elex.Core.Catalog;
using Elex.Reliability.Support;

namespace Elex.Reliability.Fuzz;

/// <summary>
/// Mutated sample catalogs through <see cref="CatalogLoader"/>: each loads or throws
/// <see cref="CatalogException"/> whose message names what was wrong (feature index and field) —
/// never another exception type.
/// </summary>
public class CatalogFuzzTests
{
    /// <summary>Catalogs in the default run (a tenth of the long run).</summary>
    public static int CaseCount => ReliabilityRun.Scale(2_500, 25_000);

    [Fact]
    public void EveryMutation_LoadsOrIsRefusedWithItsFieldNamed()
    {
        var seed = ReliabilityRun.Seed ^ 0xca7a;
        var mutator = new CatalogMutator(seed);
        var (loaded, refused) = (0, 0);
        for (var n = 0; n < CaseCount; n++)
        {
            var c = mutator.Next();
            var where = $"case {n} {ReliabilityRun.Reproduce(seed)}: {c}";
            FeatureCatalog catalog;
            try
            {
                catalog = CatalogLoader.Load(c.Utf8, "fuzz.json");
            }
            catch (CatalogException e)
            {
                refused++;
                Assert.True(c.MustLoad != true, $"refused: {e.Message}\n{where}");
                Assert.NotEmpty(e.Issues);
                Assert.All(e.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Field) || string.IsNullOrWhiteSpace(i.Message), where));
                foreach (var fragment in c.MustName) Assert.True(e.Message.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' not in: {e.Message}\n{where}");
                continue;
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name} instead of CatalogException: {e}\n{where}");
                return;
            }
            loaded++;
            Assert.True(c.MustLoad != false, $"loaded a catalog that must be refused\n{where}");
            var warnings = string.Join('\n', catalog.Warnings);
            foreach (var fragment in c.MustName) Assert.True(warnings.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' not in warnings: {warnings}\n{where}");
        }
        Assert.True(loaded > CaseCount / 20 && refused > CaseCount / 2, $"loaded {loaded}, refused {refused}: the mutations lost their mix");
    }
}
