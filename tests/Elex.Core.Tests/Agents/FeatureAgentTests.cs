using Elex.Core.Agents;
using Elex.Core.Learning;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Tests.Agents;

public class FeatureAgentTests
{
    private static readonly FeatureCatalog Sample = SharedData.SampleCatalogInstance;

    private static FeatureAgent Agent(string code) => new(Sample, Sample.Find(FeatureCode.Parse(code))!, coldStartThreshold: 2);

    private static AgentAnswer Ask(string code, string text, QueryType type) =>
        Agent(code).Answer(new AnswerContext(text, new Classification(type, Complexity.Simple)));

    [Fact]
    public void Counter_ListsTheFeaturesCountersAsEvidence()
    {
        var answer = Ask("FAJ 121 3094", "which counters show MSM is working?", QueryType.Counter);
        Assert.Contains("pmMimoSleepTime", answer.Text);
        Assert.Contains("counter EUtranCellFDD.pmMimoSleepTime", answer.Evidence);
        Assert.Contains("RAB retainability", answer.Text);
        Assert.All(answer.Evidence, e => Assert.Matches("^(counter|kpi) ", e));
    }

    [Fact]
    public void Parameter_WithChange_ProposesSetCommandPendingValidation()
    {
        var answer = Ask("FAJ 121 3094", "set sleepMode to 2 on cell X", QueryType.Parameter);
        // "cell X" is an instance of a cell class, not a node; MimoSleepFunction is the node's one instance of that function.
        Assert.Equal(["cmedit get <NODE> MimoSleepFunction.sleepMode", "cmedit set <NODE> MimoSleepFunction sleepMode=2"], answer.Commands.Select(c => c.Command));
        var command = answer.Commands[^1];
        Assert.Equal(CommandKind.SetParameter, command.Kind);
        Assert.Equal(SafetyStatus.PendingValidation, command.Safety);
        Assert.False(command.IsRunnable);
        Assert.Contains("parameter MimoSleepFunction.sleepMode (Introduced)", answer.Evidence);
    }

    [Fact]
    public void Parameter_UnknownParameterChange_WarnsAndProposesNothing()
    {
        var answer = Ask("FAJ 121 3094", "set bogusParam to 2", QueryType.Parameter);
        Assert.Empty(answer.Commands);
        Assert.Contains(answer.Warnings, w => w.Contains("bogusParam"));
    }

    [Fact]
    public void Procedure_ActivatesPrerequisitesFirstThenTheFeature()
    {
        // VoLTE Prescheduling requires ASGH-Based Prescheduling, which itself requires Prescheduling.
        var answer = Ask("FAJ 121 5470", "how do I activate VoLTE prescheduling?", QueryType.Procedure);
        var activations = answer.Commands.Where(c => c.Kind == CommandKind.ActivateFeature).Select(c => c.FeatureCode).ToList();
        Assert.Contains(answer.Commands, c => c.Kind == CommandKind.DeactivateFeature && c.Purpose.StartsWith("Rollback", StringComparison.Ordinal));
        Assert.Equal("FAJ 121 5470", activations[^1]);
        Assert.True(activations.IndexOf("FAJ 121 3085") < activations.IndexOf("FAJ 121 4797"), string.Join(",", activations));
        Assert.All(answer.Commands, c => Assert.Equal(SafetyStatus.PendingValidation, c.Safety));
        Assert.Contains(answer.Commands, c => c.Kind == CommandKind.Read && c.Command.Contains("featureState,licenseState,serviceState"));
    }

    [Fact]
    public void Procedure_Deactivation_ProposesDeactivatedState()
    {
        var answer = Ask("FAJ 121 3094", "how do I deactivate MSM?", QueryType.Procedure);
        Assert.Contains(answer.Commands, c => c.Kind == CommandKind.DeactivateFeature && c.Command.EndsWith("featureState=DEACTIVATED"));
        // The only activation is the rollback, and it says so.
        Assert.All(answer.Commands.Where(c => c.Kind == CommandKind.ActivateFeature), c => Assert.StartsWith("Rollback", c.Purpose));
    }

    [Theory]
    [InlineData("anything to check before turning off MSM tonight?")]
    [InlineData("we are switching off MSM on the cluster, what do I run?")]
    public void Procedure_TurningOrSwitchingOff_IsADeactivation(string question)
    {
        var answer = Ask("FAJ 121 3094", question, QueryType.Procedure);
        Assert.Contains(answer.Commands, c => c.Kind == CommandKind.DeactivateFeature && !c.Purpose.StartsWith("Rollback", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Commands, c => c.Kind == CommandKind.ActivateFeature && !c.Purpose.StartsWith("Rollback", StringComparison.Ordinal));
    }

    [Fact]
    public void Troubleshoot_ChecksConflicts()
    {
        var plmnAccessBarring = Sample.Find(FeatureCode.Parse("FAJ 121 4916"))!;
        var answer = Ask("FAJ 121 4916", "PSAB does not work", QueryType.Troubleshoot);
        foreach (var conflict in plmnAccessBarring.Conflicts) Assert.Contains($"conflicts {conflict}", answer.Evidence);
    }

    [Fact]
    public void General_UsesOnlyCatalogFacts()
    {
        var feature = Sample.Find(FeatureCode.Parse("FAJ 121 3094"))!;
        var answer = Ask("FAJ 121 3094", "what is MSM?", QueryType.General);
        Assert.StartsWith(feature.DisplayName, answer.Text);
        Assert.Contains(feature.Cxc!, answer.Text);
        // Only a read of its state: a what-is question changes nothing.
        var read = Assert.Single(answer.Commands);
        Assert.Equal((CommandKind.Read, $"cmedit get <NODE> FeatureState={feature.Cxc} featureState,licenseState,serviceState"), (read.Kind, read.Command));
    }

    [Fact]
    public void Lifecycle_ColdStartUntilThresholdThenReady()
    {
        var agent = Agent("FAJ 121 3094");
        Assert.Equal(AgentLifecycle.ColdStart, agent.Lifecycle);
        agent.RecordInteraction(10, 0.9, true, DateTimeOffset.UnixEpoch);
        Assert.Equal(AgentLifecycle.ColdStart, agent.Lifecycle);
        agent.RecordInteraction(30, 0.5, false, DateTimeOffset.UnixEpoch);
        Assert.Equal(AgentLifecycle.Ready, agent.Lifecycle);
        var stats = agent.Snapshot();
        Assert.Equal((2, 1, 20.0, 0.7), (stats.Interactions, stats.Successes, stats.AverageLatencyUs, Math.Round(stats.AverageConfidence, 3)));
        agent.GoOffline();
        Assert.Equal(AgentLifecycle.Offline, agent.Snapshot().Lifecycle);
    }

    [Fact]
    public void Procedure_NamedNode_ReplacesThePlaceholder()
    {
        var answer = Ask("FAJ 121 3094", "how do I activate MSM on node LTE01?", QueryType.Procedure);
        Assert.All(answer.Commands, c => Assert.StartsWith("cmedit ", c.Command));
        Assert.All(answer.Commands, c => Assert.Contains(" LTE01 ", c.Command));
        Assert.DoesNotContain(answer.Commands, c => c.Command.Contains(Cmedit.NodePlaceholder));
    }

    private static AgentAnswer AskWith(ResponseAction action, Func<AgentAnswer?>? peer = null) =>
        Agent("FAJ 121 5470").Answer(new AnswerContext("what is VoLTE prescheduling?", new Classification(QueryType.General, Complexity.Simple))
        {
            ForcedAction = action,
            RouteConfidence = 0.42f,
            Alternatives = [Sample.Find(FeatureCode.Parse("FAJ 121 3085"))!],
            ConsultPeer = peer,
        });

    [Fact]
    public void DetailedAnswer_ListsEveryRelatedFeature_WhenTheAnswerCutTheList()
    {
        var iflb = Sample.Find(FeatureCode.Parse("FAJ 121 3009"))!;
        var detailed = Agent("FAJ 121 3009").Answer(new AnswerContext("what is IFLB?", new Classification(QueryType.General, Complexity.Simple))
        {
            ForcedAction = ResponseAction.DetailedAnswer,
        });

        Assert.True(iflb.Related.Count > 6);
        Assert.Contains($"Related features (all {iflb.Related.Count}): ", detailed.Text);
        Assert.All(iflb.Related, r => Assert.Contains($"related {r}", detailed.Evidence));
    }

    [Fact]
    public void Strategies_ChangeTheAnswer()
    {
        var direct = AskWith(ResponseAction.DirectAnswer);
        Assert.Equal(ResponseAction.DirectAnswer, direct.Action);

        var detailed = AskWith(ResponseAction.DetailedAnswer);
        Assert.StartsWith(direct.Text, detailed.Text);
        var vp = Sample.Find(FeatureCode.Parse("FAJ 121 5470"))!;
        Assert.NotEmpty(vp.Related);
        // Its what-is answer already names all five related features: the detail adds no second copy.
        Assert.All(vp.Related, r => Assert.Contains(Sample.Find(r)?.DisplayName ?? r.Value, direct.Text));
        Assert.DoesNotContain("Related features (all", detailed.Text);
        // What the direct answer already says (its prerequisites) is not repeated.
        Assert.DoesNotContain("\nPrerequisites: ", detailed.Text);

        var peer = Agent("FAJ 121 3085").Answer(new AnswerContext("what is prescheduling?", new Classification(QueryType.General, Complexity.Simple)));
        var consulted = AskWith(ResponseAction.ConsultPeer, () => peer);
        Assert.Contains("A neighbouring agent adds:", consulted.Text);
        Assert.Contains(consulted.Evidence, e => e.StartsWith("peer feature FAJ 121 3085", StringComparison.Ordinal));

        var clarify = AskWith(ResponseAction.RequestClarification);
        Assert.StartsWith("To answer precisely: do you mean VoLTE Prescheduling", clarify.Text);
        Assert.Contains("Prescheduling (P, FAJ 121 3085)", clarify.Text);

        var escalated = AskWith(ResponseAction.Escalate);
        Assert.Contains("confirmed by a RAN expert (routing confidence 0.42)", escalated.Text);
        Assert.Contains(escalated.Warnings, w => w.StartsWith("Escalated", StringComparison.Ordinal));
    }

    [Fact]
    public void WithLearner_ChoosesByPolicyAndRecordsTheState()
    {
        var learner = new QLearner(new QLearningOptions { Epsilon = 0, MinEpsilon = 0, Seed = 1 });
        var agent = new FeatureAgent(Sample, Sample.Find(FeatureCode.Parse("FAJ 121 3094"))!, 100, null, learner);
        var context = new AnswerContext("MSM counters", new Classification(QueryType.Counter, Complexity.Simple)) { RouteConfidence = 0.9f };
        var first = agent.Answer(context);
        Assert.Equal(ResponseAction.DirectAnswer, first.Action);
        var state = first.State!.Value;
        Assert.Equal((QueryType.Counter, ConfidenceBucket.High, Maturity.Novice), (state.Type, state.Confidence, state.Maturity));
        // Teach it that a detailed answer is better here: the greedy policy follows.
        learner.Learn(state, ResponseAction.DirectAnswer, -1f, state, false, 0);
        learner.Learn(state, ResponseAction.DetailedAnswer, 1f, state, true, 0);
        Assert.Equal(ResponseAction.DetailedAnswer, agent.Answer(context).Action);
    }

    [Fact]
    public void Parameters_LeaveOutTheOtherRatsManagedObjects_AndSaySo()
    {
        // NR Booster Carrier Sleep affects EUtranFreqRelation (LTE) as well as NRCellCU/NRCellDU/NRFreqRelation (NR) parameters.
        var nr = Ask("FAJ 121 5625", "which parameters control booster carrier sleep on NR cells?", QueryType.Parameter);
        Assert.DoesNotContain("EUtranFreqRelation", nr.Text);
        Assert.Contains("1 parameter(s) on LTE managed objects left out: the question is about NR", nr.Text);
        var lte = Ask("FAJ 121 5625", "which parameters does booster carrier sleep touch on the LTE side?", QueryType.Parameter);
        Assert.DoesNotContain("NRCellCU.", lte.Text);
        Assert.Matches(@"\d+ parameter\(s\) on NR managed objects left out: the question is about LTE", lte.Text);
        var both = Ask("FAJ 121 5625", "which parameters does booster carrier sleep use?", QueryType.Parameter);
        Assert.DoesNotContain("left out", both.Text);
    }
}
