using MentorBot.Domain.Reports;
using ScottPlot;

namespace MentorBot.Host.Features.Reports;

/// <summary>
/// Draws a <see cref="ChartSpec"/> as a PNG with ScottPlot 5 (headless, SkiaSharp). Text is set in DejaVu Sans, which
/// has Cyrillic (the Docker image installs <c>fonts-dejavu-core</c>). The same spec gives the same bytes.
/// </summary>
public static class ChartImage
{
    /// <summary>Width of a chart in pixels.</summary>
    public const int Width = 900;

    /// <summary>Height of a chart in pixels.</summary>
    public const int Height = 450;

    /// <summary>The font every chart uses.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>The PNG bytes of <paramref name="chart"/>.</summary>
    public static byte[] Render(ChartSpec chart)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(chart.Title, 16);
        var palette = new ScottPlot.Palettes.Category10();
        var count = chart.Categories.Count;
        var series = chart.Series.Count;
        if (chart.Kind == ChartKind.Bars)
        {
            var width = 0.8 / series;
            var bars = new List<Bar>();
            for (var s = 0; s < series; s++)
            {
                for (var c = 0; c < count; c++)
                {
                    var value = chart.Series[s].Values[c];
                    if (double.IsNaN(value)) continue;
                    bars.Add(new Bar { Position = c + (s - (series - 1) / 2.0) * width, Value = value, Size = width * 0.95, FillColor = palette.GetColor(s), LineWidth = 0 });
                }
            }

            plot.Add.Bars(bars);
            if (series > 1)
            {
                plot.Legend.ManualItems.AddRange(chart.Series.Select((s, i) => new LegendItem { LabelText = s.Name, FillColor = palette.GetColor(i) }));
                plot.ShowLegend(Alignment.UpperRight);
            }

            plot.Axes.Margins(bottom: 0);
        }
        else
        {
            var xs = Enumerable.Range(0, count).Select(i => (double)i).ToArray();
            for (var s = 0; s < series; s++)
            {
                var line = plot.Add.Scatter(xs, chart.Series[s].Values.ToArray(), palette.GetColor(s));
                line.LineWidth = 2;
                line.MarkerSize = 6;
            }
        }

        var step = Math.Max(1, (int)Math.Ceiling(count / 16.0)); // at most ~16 labels fit under a 900-pixel chart
        var ticks = Enumerable.Range(0, count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(i => (double)i)], [.. ticks.Select(i => chart.Categories[i])]);
        if (count > 6)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        }

        var max = chart.YMax ?? Math.Max(1, chart.Series.SelectMany(s => s.Values).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max() * 1.15);
        plot.Axes.SetLimitsY(0, max);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
