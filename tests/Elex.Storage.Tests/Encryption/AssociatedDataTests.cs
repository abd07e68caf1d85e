using Elex.Storage.Encryption;

namespace Elex.Storage.Tests.Encryption;

public class AssociatedDataTests
{
    [Fact]
    public void PartsAreLengthPrefixed_SoBoundariesCannotShift()
    {
        Assert.NotEqual(AssociatedData.For("trajectories", "ab", "c"), AssociatedData.For("trajectories", "a", "bc"));
        Assert.NotEqual(AssociatedData.For("q_tables", "agent-a"), AssociatedData.For("q_tables" + "agent-a"));
        Assert.Equal([0, 0, 0, 2, (byte)'i', (byte)'d', 0, 0, 0, 2, 0xC3, 0xA9], AssociatedData.For("id", "é"));
    }
}
