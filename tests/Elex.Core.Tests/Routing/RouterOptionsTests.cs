using Elex.Core.Routing;

namespace Elex.Core.Tests.Routing;

public class RouterOptionsTests
{
    public static TheoryData<string, RouterOptions> BadOptions => new()
    {
        { nameof(RouterOptions.Dimensions), new RouterOptions { Dimensions = 8 } },
        { nameof(RouterOptions.VectorCandidates), new RouterOptions { VectorCandidates = 0 } },
        { nameof(RouterOptions.Bm25Candidates), new RouterOptions { Bm25Candidates = 0 } },
        { nameof(RouterOptions.SemanticCandidates), new RouterOptions { SemanticCandidates = -1 } },
        { nameof(RouterOptions.TopK), new RouterOptions { TopK = 0 } },
        { nameof(RouterOptions.Temperature), new RouterOptions { Temperature = 0 } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_NamesTheBadOption(string option, RouterOptions options)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate());
        Assert.Equal(option, error.ParamName);
        Assert.Contains(option, error.Message);
    }

    [Fact]
    public void Validate_AcceptsTheDefaults() => Assert.Equal(new RouterOptions(), new RouterOptions().Validate());
}
