using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams;

namespace Elex.AnswerQuality;

/// <summary>The answer-quality set asked of one swarm: each response graded, and the share of complete answers.</summary>
public sealed record AnswerQualityRun(IReadOnlyList<(AnswerCase Case, QueryResponse Response, IReadOnlyList<string> Shortfalls)> Results)
{
    public int Complete => Results.Count(r => r.Shortfalls.Count == 0);

    public double Rate => Results.Count == 0 ? 0 : (double)Complete / Results.Count;

    public int LostTargets => Results.Sum(r => AnswerGrader.LostTargets(r.Case.Question, r.Response.Commands).Count());

    public static async Task<AnswerQualityRun> AskAsync(ElexSwarm swarm, IReadOnlyList<AnswerCase> cases)
    {
        var results = new List<(AnswerCase, QueryResponse, IReadOnlyList<string>)>(cases.Count);
        foreach (var c in cases)
        {
            var response = await swarm.QueryAsync(new Query(c.Question));
            results.Add((c, response, AnswerGrader.Shortfalls(c, response)));
        }
        return new AnswerQualityRun(results);
    }

    public string Report() => string.Join("\n", Results.Where(r => r.Shortfalls.Count > 0)
        .Select(r => $"[{r.Case.Intent}] {r.Case.Question}\n  - {string.Join("\n  - ", r.Shortfalls)}"));
}
