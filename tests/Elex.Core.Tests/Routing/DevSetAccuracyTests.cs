using System.Text.Json;
using Elex.Core.Routing;
using Xunit.Abstractions;

namespace Elex.Core.Tests.Routing;

/// <summary>Routing accuracy on the labelled development questions over the full catalog.</summary>
public class DevSetAccuracyTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void DevSet_Top1AtLeast090_Top3AtLeast097()
    {
        var router = FeatureRouter.Build(SharedData.Full!);
        int total = 0, top1 = 0, top3 = 0;
        foreach (var line in File.ReadLines(SharedData.DevQuestionsPath!))
        {
            using var doc = JsonDocument.Parse(line);
            var expect = doc.RootElement.GetProperty("expect").EnumerateArray().Select(e => e.GetString()).ToHashSet();
            var result = router.Route(doc.RootElement.GetProperty("text").GetString()!, 3);
            total++;
            if (result.Best is { } best && expect.Contains(best.Feature.Code.Value)) top1++;
            if (result.Candidates.Any(c => expect.Contains(c.Feature.Code.Value))) top3++;
        }
        output.WriteLine($"dev set: {total} questions, top-1 {(double)top1 / total:0.0000}, top-3 {(double)top3 / total:0.0000}");
        Assert.True(total > 2000, $"only {total} dev questions read");
        Assert.True((double)top1 / total >= 0.90, $"top-1 {(double)top1 / total:0.0000} < 0.90");
        Assert.True((double)top3 / total >= 0.97, $"top-3 {(double)top3 / total:0.0000} < 0.97");
    }
}
