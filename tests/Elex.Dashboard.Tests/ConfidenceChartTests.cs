using Elex.Dashboard.Components;

namespace Elex.Dashboard.Tests;

public sealed class ConfidenceChartTests : BunitContext
{
    private int[] Counts(IRenderedComponent<ConfidenceChart> cut) =>
        [.. cut.FindAll("rect.bucket").Select(r => int.Parse(r.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void Counts_answers_into_five_bands_with_the_fullest_band_at_full_height()
    {
        float[] confidences = [0.05f, 0.45f, 0.55f, 0.9f, 0.95f, 1.0f];

        var cut = Render<ConfidenceChart>(p => p.Add(c => c.Confidences, confidences));

        // 1.0 falls in the top band, not past it.
        Assert.Equal([1, 0, 2, 0, 3], Counts(cut));
        Assert.Equal("last 6 answers", cut.Find("h2 small").TextContent);
        var bars = cut.FindAll("rect.bucket");
        // 100 high with 14 for the labels: the fullest band is 86 high, two of three are two thirds of that.
        Assert.Equal("86", bars[4].GetAttribute("height"));
        Assert.Equal("57.3", bars[2].GetAttribute("height"));
        Assert.Equal("28.7", bars[0].GetAttribute("height"));
        Assert.Equal("0", bars[1].GetAttribute("height"));
        Assert.Equal(["0–20 %", "20–40 %", "40–60 %", "60–80 %", "80–100 %"], cut.FindAll("text.bucket-label").Select(t => t.TextContent));
    }

    [Fact]
    public void Shows_the_median_and_how_many_answers_were_unsure()
    {
        var cut = Render<ConfidenceChart>(p => p.Add(c => c.Confidences, [0.2f, 0.4f, 0.8f, 0.9f]));

        Assert.Equal("60 %", cut.Find("#confidence-median").TextContent);
        Assert.Equal("2", cut.Find("#confidence-low").TextContent);
    }

    [Fact]
    public void With_no_answers_yet_every_band_is_empty_and_nothing_is_drawn()
    {
        var cut = Render<ConfidenceChart>(p => p.Add(c => c.Confidences, Array.Empty<float>()));

        Assert.Equal([0, 0, 0, 0, 0], Counts(cut));
        Assert.All(cut.FindAll("rect.bucket"), r => Assert.Equal("0", r.GetAttribute("height")));
        Assert.Equal("—", cut.Find("#confidence-median").TextContent);
    }

    [Fact]
    public void A_new_window_replaces_the_old_counts()
    {
        var cut = Render<ConfidenceChart>(p => p.Add(c => c.Confidences, [0.1f, 0.1f]));
        cut.Render(p => p.Add(c => c.Confidences, [0.7f]));

        Assert.Equal([0, 0, 0, 1, 0], Counts(cut));
    }
}
