using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Dashboard.Components;

namespace Elex.Dashboard.Tests;

public sealed class AnswerViewTests : BunitContext
{
    private static QueryResponse Response(params ProposedCommand[] commands) => new()
    {
        ResponseId = "resp-1",
        QueryId = "query-1",
        QueryText = "how do I enable MIMO Sleep Mode?",
        Status = ResponseStatus.Answered,
        Text = "Set sleepMode on the cell.\nThen watch the counters.",
        AgentId = "agent-FAJ_121_3094",
        FeatureCode = "FAJ 121 3094",
        FeatureName = "MIMO Sleep Mode",
        Confidence = 0.876f,
        QueryType = QueryType.Procedure,
        Complexity = Complexity.Moderate,
        Evidence = ["feature FAJ 121 3094 MIMO Sleep Mode", "parameter sleepMode (MimoSleepFunction)"],
        Commands = commands,
        LatencyUs = 1234.5,
    };

    [Fact]
    public void Shows_the_agent_the_confidence_the_answer_and_its_evidence()
    {
        var cut = Render<AnswerView>(p => p.Add(c => c.Response, Response()));

        Assert.Equal("FAJ 121 3094", cut.Find("#agent").TextContent);
        Assert.Equal("MIMO Sleep Mode", cut.Find(".feature-name").TextContent);
        Assert.Equal("88 %", cut.Find("#confidence").TextContent);
        Assert.Equal("Set sleepMode on the cell.\nThen watch the counters.", cut.Find("#answer-text").TextContent);
        Assert.Equal(["feature FAJ 121 3094 MIMO Sleep Mode", "parameter sleepMode (MimoSleepFunction)"],
            cut.FindAll("#evidence li").Select(li => li.TextContent));
        Assert.Equal("Procedure · Moderate · DirectAnswer · 1.23 ms", cut.Find(".meta").TextContent);
        Assert.Equal("resp-1", cut.Find("#answer").GetAttribute("data-response-id"));
        Assert.Empty(cut.FindAll("#commands"));
    }

    [Fact]
    public void Each_command_carries_its_safety_verdict_as_class_data_and_text()
    {
        var cut = Render<AnswerView>(p => p.Add(c => c.Response, Response(
            Command("cmedit get * MimoSleepFunction.sleepMode", SafetyStatus.Safe, "read-only"),
            Command("cmedit set * MimoSleepFunction.sleepMode=1", SafetyStatus.NeedsApproval, "changes a live network"),
            Command("cmedit set * MimoSleepFunction.sleepStartTime=99", SafetyStatus.Rejected, "outside the safe zone 0..23"),
            Command("cmedit get * EUtranCellFDD", SafetyStatus.PendingValidation, "awaiting safety validation"))));

        var items = cut.FindAll("#commands li");
        Assert.Equal(4, items.Count);
        Assert.Equal(
        [
            ("cmedit get * MimoSleepFunction.sleepMode", "Safe", "safety-Safe", "Safe", "read-only"),
            ("cmedit set * MimoSleepFunction.sleepMode=1", "NeedsApproval", "safety-NeedsApproval", "Needs approval", "changes a live network"),
            ("cmedit set * MimoSleepFunction.sleepStartTime=99", "Rejected", "safety-Rejected", "Rejected — do not run", "outside the safe zone 0..23"),
            ("cmedit get * EUtranCellFDD", "PendingValidation", "safety-PendingValidation", "Not validated", "awaiting safety validation"),
        ], items.Select(li => (
            li.QuerySelector("code")!.TextContent,
            li.GetAttribute("data-safety"),
            li.ClassList.Single(c => c.StartsWith("safety-", StringComparison.Ordinal)),
            li.QuerySelector(".verdict")!.TextContent,
            li.QuerySelector(".reason")!.TextContent)));
    }

    [Fact]
    public void A_response_without_an_agent_or_evidence_says_so_and_shows_its_warnings()
    {
        var response = Response() with
        {
            Status = ResponseStatus.NoMatch,
            AgentId = null,
            FeatureCode = null,
            FeatureName = null,
            Evidence = [],
            Warnings = ["No feature matched the question."],
        };

        var cut = Render<AnswerView>(p => p.Add(c => c.Response, response));

        Assert.Equal("no agent", cut.Find("#agent").TextContent);
        Assert.Equal("NoMatch", cut.Find("#answer").GetAttribute("data-status"));
        Assert.Empty(cut.FindAll("#evidence"));
        Assert.Equal("No feature matched the question.", cut.Find(".warning").TextContent);
    }

    private static ProposedCommand Command(string command, SafetyStatus safety, string reason) =>
        new(command, CommandKind.Read, "test") { Safety = safety, SafetyReason = reason };
}
