using Elex.Core.Conversations;

namespace Elex.Core.Tests.Conversations;

public class FollowUpCuesTests
{
    [Theory]
    [InlineData("and what does it cost in licences?")]
    [InlineData("What about rollback?")]
    [InlineData("how about the alarms")]
    [InlineData("Also, any known conflicts")]
    [InlineData("so which MO holds the switch")]
    public void OpeningConnective_ContinuesTheConversation(string question)
    {
        var cues = FollowUpCues.Of(question);
        Assert.True(cues.Connective);
        Assert.True(cues.ContinuesConversation);
    }

    [Theory]
    [InlineData("Is this feature licensed per cell or per node, and who usually buys it for a whole market in one go?")]
    [InlineData("do both of them need a restart of the baseband before the change takes effect on every sector")]
    [InlineData("Which of the two features is cheaper to run?")]
    public void PointingBack_ContinuesTheConversation_WhateverTheLength(string question)
    {
        var cues = FollowUpCues.Of(question);
        Assert.True(cues.PointsBack);
        Assert.True(cues.ContinuesConversation);
    }

    [Theory]
    [InlineData("how do I switch it off again?")]
    [InlineData("Does it’s licence expire?")]
    [InlineData("which counters do they share")]
    [InlineData("where do I configure that")]
    public void PronounInAShortQuestion_ContinuesTheConversation(string question)
    {
        var cues = FollowUpCues.Of(question);
        Assert.True(cues.Pronoun);
        Assert.True(cues.ContinuesConversation);
    }

    [Fact]
    public void PronounInALongSelfContainedQuestion_DoesNotContinueTheConversation()
    {
        var cues = FollowUpCues.Of("is there a way for an eNodeB to power down some of its radio branches overnight when hardly anyone is attached");
        Assert.True(cues.Pronoun);
        Assert.False(cues.ContinuesConversation);
    }

    [Fact]
    public void ImpersonalOne_DoesNotPointBack() =>
        Assert.False(FollowUpCues.Of("is there a feature that one can enable to mute transmit branches overnight in quiet rural cells").PointsBack);

    [Fact]
    public void ThatOne_PointsBack() => Assert.True(FollowUpCues.Of("is that one licensed separately from the basic package on older basebands?").PointsBack);

    [Theory]
    [InlineData("Which parameters tune uplink carrier aggregation?")]
    [InlineData("android phones drop calls at the cell edge")]
    [InlineData("item counts per cell")]
    [InlineData("")]
    public void QuestionThatStandsOnItsOwn_HasNoCue(string question)
    {
        var cues = FollowUpCues.Of(question);
        Assert.False(cues.Connective || cues.PointsBack || cues.Pronoun);
        Assert.False(cues.ContinuesConversation);
    }

    [Fact]
    public void Words_AreCounted() => Assert.Equal(5, FollowUpCues.Of("what about its UL counters?").Words);

    [Theory]
    [InlineData("and how do I activate it?", 0)]
    [InlineData("which parameters control it", 0)]
    [InlineData("does it need a licence?", 0)]
    [InlineData("what about the offload thresholds?", 1)]
    [InlineData("and the uplink interference counters?", 2)]
    public void TopicWords_AreWhatTheQuestionIsAboutBeyondAnAspectOfAnyFeature(string question, int topicWords) =>
        Assert.Equal(topicWords, FollowUpCues.Of(question).TopicWords);
}
