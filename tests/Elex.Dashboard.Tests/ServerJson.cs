namespace Elex.Dashboard.Tests;

/// <summary>What the team server sends: a <c>POST /ask</c> response in the <c>elex ask --json</c> shape, and <c>/stats</c>.</summary>
internal static class ServerJson
{
    public const string Answer = """
        {"id":"q-1","responseId":"r-abc-1","status":"Answered","featureCode":"FAJ 121 3094","featureName":"MIMO Sleep Mode",
         "agentId":"agent-FAJ_121_3094","confidence":0.9123,"queryType":"Procedure","complexity":"Moderate","latencyUs":2345.6,
         "queueUs":10.5,"strategy":"DirectAnswer","text":"Set sleepMode on the cell.","alternatives":["FAJ 121 4000"],
         "actions":[{"command":"cmedit set * MimoSleepFunction.sleepMode=1","kind":"ActivateFeature","purpose":"activate","safety":"NeedsApproval",
                     "reason":"changes a live network","runnable":false}],
         "namedFeatures":["FAJ 121 3094"],"contextFeatures":[],"resolvedFromContext":false,
         "evidence":["feature FAJ 121 3094 MIMO Sleep Mode"],"warnings":[],"error":null}
        """;

    public const string Stats = """
        {"swarm":{"totalAgents":593,"activeAgents":12,"totalQueries":1234,"totalSuccesses":1100,"avgLatencyMs":1.5,"cacheHitRate":0.5,
                  "evictions":0,"memoryUsageMB":80.5,"uptimeMs":100000,"topology":"Hierarchical",
                  "latency":{"timestamp":"2026-12-05T05:00:00+00:00","window":"00:01:00","count":50,"p50Us":720,"p95Us":3470,"p99Us":8070,
                             "successRate":0.9,"averageConfidence":0.8,"throughput":0.8},"successRate":0.8914},
         "streams":[],"rateLimited":3,"feedbackByUser":{},"recentFeedback":[]}
        """;
}
