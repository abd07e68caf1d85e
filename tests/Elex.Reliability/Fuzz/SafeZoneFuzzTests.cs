using Elex.Core.Safety;
using Elex.Reliability.Support;

namespace Elex.Reliability.Fuzz;

/// <summary>
/// Mutated safe-zone documents through <see cref="SafeZoneLoader"/>: each loads or throws
/// <see cref="SafeZoneException"/> whose message names the zone and field — never another exception type.
/// </summary>
public class SafeZoneFuzzTests
{
    /// <summary>Documents in the default run (a tenth of the long run).</summary>
    public static int CaseCount => ReliabilityRun.Scale(2_500, 25_000);

    [Fact]
    public void EveryMutation_LoadsOrIsRefusedWithTheFieldNamed()
    {
        var seed = ReliabilityRun.Seed ^ 0x5afe;
        var mutator = new SafeZoneMutator(seed);
        var (loaded, refused) = (0, 0);
        for (var n = 0; n < CaseCount; n++)
        {
            var c = mutator.Next();
            var where = $"case {n} {ReliabilityRun.Reproduce(seed)}: {c}";
            try
            {
                var zones = SafeZoneLoader.Load(c.Utf8, "fuzz.json");
                loaded++;
                Assert.True(c.MustLoad != false, $"loaded {zones.Count} zone(s) from a document that must be refused\n{where}");
            }
            catch (SafeZoneException e)
            {
                refused++;
                Assert.True(c.MustLoad != true, $"refused: {e.Message}\n{where}");
                Assert.NotEmpty(e.Issues);
                Assert.All(e.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Field) || string.IsNullOrWhiteSpace(i.Message), where));
                foreach (var fragment in c.MustName) Assert.True(e.Message.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' not in: {e.Message}\n{where}");
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name} instead of SafeZoneException: {e}\n{where}");
            }
        }
        Assert.True(loaded > CaseCount / 20 && refused > CaseCount / 2, $"loaded {loaded}, refused {refused}: the mutations lost their mix");
    }
}
