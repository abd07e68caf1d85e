using Elex.Core.Routing;
using Xunit.Abstractions;

namespace Elex.Core.Tests.Routing;

/// <summary>
/// Questions phrased the way engineers write them (abbreviations, paraphrases, plurals), written
/// for this test and independent of the dev set, routed over the full catalog.
/// </summary>
public class NaturalQuestionTests(ITestOutputHelper output)
{
    private static readonly (string Question, string[] Expected)[] Questions =
    [
        ("What counters monitor MSM performance?", ["FAJ 121 3094"]),
        ("When should prescheduling be enabled for VoLTE traffic?", ["FAJ 121 5470"]),
        ("UL CA is not active. What parameters need to be checked?", ["FAJ 121 4425"]),
        ("How do I switch on inter-frequency load balancing?", ["FAJ 121 3009"]),
        ("IFLB is not moving any UEs to the other layer, what should I look at?", ["FAJ 121 3009"]),
        ("Is there something to reduce interference caused by atmospheric ducting?", ["FAJ 121 5065"]),
        ("Which KPIs are affected by zero interference VoLTE?", ["FAJ 121 5235"]),
        ("prerequisites for uplink multi-user MIMO", ["FAJ 121 4330"]),
        ("How do I give VoLTE priority during access barring?", ["FAJ 121 4329"]),
        ("What does TTI bundling need before activation?", ["FAJ 121 2051"]),
        ("Explain the NR massive MIMO sleep feature", ["FAJ 121 5094"]),
        ("How can DL 256-QAM be enabled on NR high band?", ["FAJ 121 5476"]),
        ("which params tune the IPsec tunnel?", ["FAJ 121 0804"]),
        ("What is the purpose of ANR and which counters does it update?", ["FAJ 121 0497"]),
        ("Does the RET support feature have any counters?", ["FAJ 121 2175"]),
        ("How do I configure IEEE 1588 boundary clock?", ["FAJ 121 4755"]),
        ("Steps to enable DRX for extended idle mode", ["FAJ 121 4655"]),
        ("What parameters control the PIM detection in LTE?", ["FAJ 121 5436"]),
        ("What is elastic RAN and what does it require?", ["FAJ 121 4608"]),
        ("Why is SRVCC handover to GERAN failing?", ["FAJ 121 3014"]),
        ("How is TCP optimization configured on the eNodeB?", ["FAJ 121 1713"]),
        ("Which counters show dynamic load control is kicking in?", ["FAJ 121 3083"]),
        ("How do I enable the 5CC downlink carrier aggregation extension?", ["FAJ 121 4467"]),
        ("Can I configure SCell priority per cell?", ["FAJ 121 4701"]),
        ("What does micro sleep tx save and how to monitor it?", ["FAJ 121 3089"]),
        ("How does the LTE baseband reset feature work?", ["FAJ 121 3091"]),
        ("What is shared LTE RAN and which parameters matter?", ["FAJ 121 0860"]),
        ("Troubleshoot the X2 setup between eNodeBs", ["FAJ 121 0484", "FAJ 121 4697"]),
        ("How to turn on PUCCH overdimensioning?", ["FAJ 121 0883"]),
        ("what is the high power UE feature for?", ["FAJ 121 4762"]),
    ];

    [SharedDataFact]
    public void NaturalQuestions_Top1AtLeast090_Top3AtLeast097()
    {
        var router = FeatureRouter.Build(SharedData.Full!);
        int top1 = 0, top3 = 0;
        foreach (var (question, expected) in Questions)
        {
            var result = router.Route(question, 3);
            var codes = result.Candidates.Select(c => c.Feature.Code.Value).ToList();
            if (codes.Count > 0 && expected.Contains(codes[0])) top1++;
            if (codes.Any(expected.Contains)) top3++;
            else output.WriteLine($"miss: {question} -> {string.Join(", ", result.Candidates.Select(c => c.Feature.Name))}");
        }
        output.WriteLine($"natural questions: top-1 {top1}/{Questions.Length}, top-3 {top3}/{Questions.Length}");
        Assert.True(top1 >= Questions.Length * 0.9, $"top-1 {top1}/{Questions.Length}");
        Assert.True(top3 >= Questions.Length * 0.97, $"top-3 {top3}/{Questions.Length}");
    }

    [SharedDataFact]
    public void CoMP_IsReadAsCoordinatedMultiPoint()
    {
        // No feature's name or acronym is "CoMP" (the catalog says DCMP); engineers write it anyway.
        var router = FeatureRouter.Build(SharedData.Full!);
        foreach (var question in new[] { "can DL CoMP run together with carrier aggregation?", "what does downlink CoMP need" })
            Assert.Equal("FAJ 121 4223", router.Route(question).Best?.Feature.Code.Value);
    }
}
