using Elex.Core.Catalog;
using Elex.Core.Routing;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Tests.Pipeline;

public class PeerChoiceTests
{
    private const string Msm = "FAJ 121 3094";        // MIMO & Antenna
    private const string Iflb = "FAJ 121 3009";       // Radio Resource Management
    private const string Ifo = "FAJ 121 3061";        // Radio Resource Management
    private const string AiMsm = "FAJ 121 5296";      // MIMO & Antenna

    [Theory]
    [InlineData(SwarmTopology.Mesh, Msm)]
    [InlineData(SwarmTopology.Hierarchical, Ifo)]
    [InlineData(SwarmTopology.HierarchicalMesh, Ifo)]
    public void Peer_FollowsTheTopology_WhenASameDomainCandidateRanksBelowTheRunnerUp(SwarmTopology topology, string expected)
    {
        var route = Route(Iflb, Msm, Ifo);

        Assert.Equal(expected, PeerChoice.For(route, route.Candidates[0], topology)?.Feature.Code.Value);
    }

    [Theory]
    [InlineData(SwarmTopology.Mesh, Msm)]
    [InlineData(SwarmTopology.Hierarchical, null)]
    [InlineData(SwarmTopology.HierarchicalMesh, Msm)]
    public void Peer_WithNoCandidateInTheDomain_IsTheRunnerUpOrNoneInAStrictHierarchy(SwarmTopology topology, string? expected)
    {
        var route = Route(Iflb, Msm);

        Assert.Equal(expected, PeerChoice.For(route, route.Candidates[0], topology)?.Feature.Code.Value);
    }

    [Fact]
    public void Peer_IsNeverTheAnsweringFeature_EvenWhenItIsNotTheBestCandidate()
    {
        // A comparison can lead with a feature ranked below the best one.
        var route = Route(Msm, Iflb, AiMsm);
        var iflbAnswers = route.Candidates[1];

        Assert.Equal(Msm, PeerChoice.For(route, iflbAnswers, SwarmTopology.Mesh)?.Feature.Code.Value);
        Assert.Null(PeerChoice.For(route, iflbAnswers, SwarmTopology.Hierarchical));
        Assert.Equal(AiMsm, PeerChoice.For(route, route.Candidates[0], SwarmTopology.Hierarchical)?.Feature.Code.Value);
    }

    [Fact]
    public void Peer_OfASingleCandidate_IsNone()
    {
        var route = Route(Msm);

        Assert.All(Enum.GetValues<SwarmTopology>(), topology => Assert.Null(PeerChoice.For(route, route.Candidates[0], topology)));
    }

    private static RouteResult Route(params string[] codes) =>
        new([.. codes.Select(Candidate)], 0.9f, false);

    private static RouteCandidate Candidate(string code)
    {
        TestCatalog.Sample.TryGetOrdinal(FeatureCode.Parse(code), out var ordinal);
        return new RouteCandidate(TestCatalog.Sample[ordinal], ordinal, 1f, 0.5f, 0.5f, []);
    }
}
