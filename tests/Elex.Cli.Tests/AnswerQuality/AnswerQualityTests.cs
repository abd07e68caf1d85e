using Elex.Core.Catalog;
using Elex.Semantic;
using Elex.Streams;
using Xunit.Abstractions;

using Elex.AnswerQuality;

namespace Elex.Cli.Tests.AnswerQuality;

/// <summary>
/// The answer-quality set (tests/data/answer-quality.jsonl) asked of the product as shipped: the
/// embedded full catalog routed with the sentence model. Fails below 90 % complete answers, on any
/// command that loses a target the question named, and on any answer that differs between two runs.
/// </summary>
public class AnswerQualityTests(ITestOutputHelper output)
{
    private static readonly string CasesPath = Path.Combine(AppContext.BaseDirectory, "data", "answer-quality.jsonl");

    [Fact]
    public async Task AnswerQualitySet_AtLeast90PercentComplete_NoLostTargets_SameAnswersTwice()
    {
        var cases = AnswerCase.Load(CasesPath);
        Assert.True(cases.Count >= 60, $"the set holds {cases.Count} questions");
        var first = await RunAsync(cases);
        var second = await RunAsync(cases);
        output.WriteLine($"complete answers {first.Complete}/{cases.Count} ({first.Rate:P1})\n{first.Report()}");

        Assert.Equal(0, first.LostTargets);
        Assert.True(first.Rate >= 0.90, first.Report());
        for (var i = 0; i < cases.Count; i++)
            Assert.True(first.Results[i].Response.Text == second.Results[i].Response.Text, $"answer changed between runs: {cases[i].Question}");
    }

    private static async Task<AnswerQualityRun> RunAsync(IReadOnlyList<AnswerCase> cases)
    {
        var catalog = EmbeddedCatalog.Load();
        var cache = Directory.CreateTempSubdirectory("elex-answer-quality");
        try
        {
            var router = SemanticRouter.Build(catalog, cache.FullName, seed: EmbeddedCatalog.SeedVectors);
            await using var swarm = await ElexSwarm.CreateAsync(catalog, router: router);
            return await AnswerQualityRun.AskAsync(swarm, cases);
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }
}
