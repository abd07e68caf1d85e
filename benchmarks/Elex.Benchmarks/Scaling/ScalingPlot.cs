using System.Globalization;
using System.Text;

namespace Elex.Benchmarks.Scaling;

/// <summary>One line of a <see cref="ScalingPlot"/> panel: a name, a colour and one value per catalog size (NaN = missing).</summary>
public sealed record PlotSeries(string Name, string Color, double[] Values, bool Dashed = false);

/// <summary>One panel of a <see cref="ScalingPlot"/>.</summary>
public sealed record PlotPanel(string Title, string Unit, IReadOnlyList<PlotSeries> Series);

/// <summary>
/// A hand-written SVG of panels side by side, each a log–log chart of a measure against catalog
/// size (decade grid lines, points labelled with their values). No plotting package involved.
/// </summary>
public static class ScalingPlot
{
    private const int PanelWidth = 330;
    private const int PanelHeight = 260;
    private const int Left = 58;
    private const int Top = 44;
    private const int PlotWidth = 240;
    private const int PlotHeight = 170;

    /// <summary>Renders the panels over the x values (catalog sizes).</summary>
    public static string Render(string title, IReadOnlyList<double> sizes, IReadOnlyList<PlotPanel> panels)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(panels);
        var width = PanelWidth * panels.Count + 20;
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{PanelHeight + 40}\" viewBox=\"0 0 {width} {PanelHeight + 40}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append(Inv($"<rect width=\"{width}\" height=\"{PanelHeight + 40}\" fill=\"white\"/>\n"));
        svg.Append(Inv($"<text x=\"{width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        for (var p = 0; p < panels.Count; p++) Panel(svg, 10 + p * PanelWidth, 20, sizes, panels[p]);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int ox, int oy, IReadOnlyList<double> sizes, PlotPanel panel)
    {
        var (xMin, xMax) = Decades(sizes);
        var values = panel.Series.SelectMany(s => s.Values).Where(v => double.IsFinite(v) && v > 0).ToList();
        var (yMin, yMax) = Decades(values.Count > 0 ? values : [1.0]);
        double X(double v) => ox + Left + (Math.Log10(v) - xMin) / (xMax - xMin) * PlotWidth;
        double Y(double v) => oy + Top + PlotHeight - (Math.Log10(v) - yMin) / (yMax - yMin) * PlotHeight;

        svg.Append(Inv($"<text x=\"{ox + Left + PlotWidth / 2}\" y=\"{oy + 18}\" text-anchor=\"middle\" font-weight=\"bold\">{Escape(panel.Title)}</text>\n"));
        svg.Append(Inv($"<rect x=\"{ox + Left}\" y=\"{oy + Top}\" width=\"{PlotWidth}\" height=\"{PlotHeight}\" fill=\"none\" stroke=\"#444\"/>\n"));
        for (var d = xMin; d <= xMax; d++)
        {
            var x = X(Math.Pow(10, d));
            svg.Append(Inv($"<line x1=\"{x:0.0}\" y1=\"{oy + Top}\" x2=\"{x:0.0}\" y2=\"{oy + Top + PlotHeight}\" stroke=\"#ddd\"/>\n"));
            svg.Append(Inv($"<text x=\"{x:0.0}\" y=\"{oy + Top + PlotHeight + 14}\" text-anchor=\"middle\">{Short(Math.Pow(10, d))}</text>\n"));
        }
        for (var d = yMin; d <= yMax; d++)
        {
            var y = Y(Math.Pow(10, d));
            svg.Append(Inv($"<line x1=\"{ox + Left}\" y1=\"{y:0.0}\" x2=\"{ox + Left + PlotWidth}\" y2=\"{y:0.0}\" stroke=\"#ddd\"/>\n"));
            svg.Append(Inv($"<text x=\"{ox + Left - 4}\" y=\"{y + 4:0.0}\" text-anchor=\"end\">{Short(Math.Pow(10, d))}</text>\n"));
        }
        svg.Append(Inv($"<text x=\"{ox + Left + PlotWidth / 2}\" y=\"{oy + Top + PlotHeight + 30}\" text-anchor=\"middle\">features (log)</text>\n"));
        svg.Append(Inv($"<text transform=\"translate({ox + 14},{oy + Top + PlotHeight / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(panel.Unit)} (log)</text>\n"));

        for (var s = 0; s < panel.Series.Count; s++)
        {
            var series = panel.Series[s];
            var points = sizes.Select((size, i) => (size, value: i < series.Values.Length ? series.Values[i] : double.NaN))
                .Where(p => double.IsFinite(p.value) && p.value > 0).Select(p => (x: X(p.size), y: Y(p.value), p.value)).ToList();
            var dash = series.Dashed ? " stroke-dasharray=\"5,3\"" : "";
            svg.Append(Inv($"<polyline fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"2\"{dash} points=\"{string.Join(' ', points.Select(p => Inv($"{p.x:0.0},{p.y:0.0}")))}\"/>\n"));
            foreach (var (x, y, value) in points)
            {
                svg.Append(Inv($"<circle cx=\"{x:0.0}\" cy=\"{y:0.0}\" r=\"3\" fill=\"{series.Color}\"/>\n"));
                svg.Append(Inv($"<text x=\"{x + 4:0.0}\" y=\"{y - 5:0.0}\" fill=\"{series.Color}\" font-size=\"9\">{Value(value)}</text>\n"));
            }
            var ly = oy + Top + 12 + s * 13;
            svg.Append(Inv($"<line x1=\"{ox + Left + 6}\" y1=\"{ly - 4}\" x2=\"{ox + Left + 22}\" y2=\"{ly - 4}\" stroke=\"{series.Color}\" stroke-width=\"2\"{dash}/>\n"));
            svg.Append(Inv($"<text x=\"{ox + Left + 26}\" y=\"{ly}\" font-size=\"10\">{Escape(series.Name)}</text>\n"));
        }
    }

    private static (int Min, int Max) Decades(IEnumerable<double> values)
    {
        var list = values.ToList();
        var min = (int)Math.Floor(Math.Log10(list.Min()));
        var max = (int)Math.Ceiling(Math.Log10(list.Max()));
        return (min, max == min ? min + 1 : max);
    }

    private static string Short(double v) => v switch
    {
        >= 1e6 => Inv($"{v / 1e6:0.#}M"),
        >= 1e3 => Inv($"{v / 1e3:0.#}k"),
        >= 1 => Inv($"{v:0.#}"),
        _ => Inv($"{v:0.###}"),
    };

    private static string Value(double v) => v >= 100 ? Inv($"{v:0}") : v >= 10 ? Inv($"{v:0.#}") : Inv($"{v:0.##}");

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
