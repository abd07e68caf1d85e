using Elex.Core.Queries;

namespace Elex.Core.Tests.Queries;

public class QueryClassifierTests
{
    [Theory]
    [InlineData("Which counters show MSM is working?", QueryType.Counter)]
    [InlineData("What does the counter pmMimoSleepTime measure?", QueryType.Counter)]
    [InlineData("pmCaScheduledDlSum is increasing fast, what is going on?", QueryType.Counter)]
    [InlineData("Which KPIs does IFLB affect?", QueryType.Kpi)]
    [InlineData("What KPI should I keep an eye on after turning on load balancing?", QueryType.Kpi)]
    [InlineData("Which counters tell me how often calls drop on the secondary cell?", QueryType.Counter)]
    [InlineData("How does MSM impact RAB retainability?", QueryType.Kpi)]
    [InlineData("Which feature uses the parameter sleepMode?", QueryType.Parameter)]
    [InlineData("set sleepMode to 2 on cell X", QueryType.Parameter)]
    [InlineData("What is the recommended value for the threshold parameter?", QueryType.Parameter)]
    [InlineData("How do I activate Inter-Frequency Load Balancing?", QueryType.Procedure)]
    [InlineData("How do I turn on IPsec on a node?", QueryType.Procedure)]
    [InlineData("What are the steps to deactivate Carrier Aggregation?", QueryType.Procedure)]
    [InlineData("How do I switch off IFLB on node ERBS_4711?", QueryType.Procedure)]
    [InlineData("What has to be in place before switching on uplink CoMP at a site?", QueryType.Procedure)]
    [InlineData("Anything to check before turning off MIMO sleep for the night?", QueryType.Procedure)]
    [InlineData("How should we roll out dual connectivity on every gNB in the cluster?", QueryType.Procedure)]
    [InlineData("What has to be in place before dual connectivity can be activated?", QueryType.Procedure)]
    [InlineData("Which eNodeB parameter sets the A3 offset?", QueryType.Parameter)]
    [InlineData("UL CA is not active, why?", QueryType.Troubleshoot)]
    [InlineData("MSM seems to have no effect after activation", QueryType.Troubleshoot)]
    [InlineData("Calls drop after enabling TTI bundling, what is wrong?", QueryType.Troubleshoot)]
    [InlineData("Give me an overview of X2 Configuration.", QueryType.General)]
    [InlineData("What is FAJ 121 3094?", QueryType.General)]
    public void ClassifyType_Table(string text, QueryType expected) =>
        Assert.Equal(expected, QueryClassifier.ClassifyType(text));

    [Theory]
    [InlineData("What is MSM?", Complexity.Simple)]
    [InlineData("Which counters show MSM is working?", Complexity.Simple)]
    [InlineData("How does MIMO Sleep Mode interact with carrier aggregation on the same cell?", Complexity.Moderate)]
    [InlineData("Compare IFLB and IFO and explain the trade-offs when both are active across multiple frequency layers with different load thresholds and priorities?", Complexity.Complex)]
    public void ClassifyComplexity_Table(string text, Complexity expected) =>
        Assert.Equal(expected, QueryClassifier.ClassifyComplexity(text));

    [Fact]
    public void Classify_ExplicitTypeAndComplexityWin()
    {
        var c = QueryClassifier.Classify("Which counters show MSM is working?", QueryType.Procedure, Complexity.Complex);
        Assert.Equal(new Classification(QueryType.Procedure, Complexity.Complex, true, true), c);
    }

    [Fact]
    public void Classify_WithoutExplicit_MarksInferred()
    {
        var c = QueryClassifier.Classify("Which counters show MSM is working?");
        Assert.False(c.TypeWasExplicit);
        Assert.False(c.ComplexityWasExplicit);
    }

    [Fact]
    public void Classify_AfterALongQuestion_ReadsOnlyItsOwnWords()
    {
        const string Long = "Compare the counters and the KPIs of MIMO Sleep Mode with those of Cell Sleep Mode, then explain how to activate both on every cell of the cluster and what to check afterwards";
        var alone = QueryClassifier.Classify("what is IFLB");

        QueryClassifier.Classify(Long);
        var afterLong = QueryClassifier.Classify("what is IFLB");

        Assert.Equal(Complexity.Simple, alone.Complexity);
        Assert.Equal(alone, afterLong);
    }
}
