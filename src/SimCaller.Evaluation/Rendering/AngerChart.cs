using System.Globalization;
using System.Net;
using System.Text;
using SimCaller.Evaluation.Debriefs;

namespace SimCaller.Evaluation.Rendering;

/// <summary>
/// Inline SVG of the customer's anger over the call: x is time (turn order when no times were
/// recorded), y is anger 0-100 with the mood bands shaded, key moments marked and labelled.
/// The band names live in a gutter right of the plot that markers and their labels never reach: a
/// marker on the last turn pokes out by its radius at most, and moment labels near an edge are
/// anchored to stay inside the plot.
/// </summary>
internal static class AngerChart
{
    private const double Width = 760, Height = 300, Left = 48, Right = 96, Top = 16, Bottom = 40;
    private const double PlotRight = Width - Right;
    private const double MarkerRadius = 6, MarkerStroke = 2;
    // Band labels start past the widest a marker can reach beyond the plot, plus breathing room.
    private const double BandLabelX = PlotRight + MarkerRadius + MarkerStroke / 2 + 8;
    // Generous width of one character of an 11px label, to keep moment labels inside the plot.
    private const double LabelCharWidth = 7.5;

    private static readonly (int From, int To, string Mood, string Fill)[] Bands =
    [
        (0, 20, "calm", "#e3f4e8"),
        (20, 40, "annoyed", "#f3f6dc"),
        (40, 60, "frustrated", "#fdf0d5"),
        (60, 80, "angry", "#fde1cf"),
        (80, 100, "furious", "#fbd0d0"),
    ];

    /// <param name="whatIf">A replayed curve to draw dashed over the real one, branching where it starts.</param>
    public static string Render(Debrief debrief, WhatIf? whatIf = null)
    {
        var points = new List<(double X, int Anger, int Turn)> { (0, debrief.Stats.StartingAnger, 0) };
        var useTime = debrief.Timeline.Any(p => p.Seconds > 0);
        foreach (var p in debrief.Timeline)
        {
            points.Add((useTime ? p.Seconds : p.TurnNumber, p.Anger, p.TurnNumber));
        }
        var maxX = Math.Max(1, Math.Max(points.Max(p => p.X), whatIf?.Points.Max(p => useTime ? p.Seconds : p.TurnNumber) ?? 0));
        double X(double x) => Left + (PlotRight - Left) * x / maxX;
        double Y(double anger) => Top + (Height - Top - Bottom) * (1 - Math.Clamp(anger, 0, 100) / 100);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"chart-title\">"));
        svg.Append("<title id=\"chart-title\">Customer anger over the call</title>");
        foreach (var band in Bands)
        {
            svg.Append(Invariant($"<rect class=\"band\" x=\"{Left}\" y=\"{Y(band.To):0.#}\" width=\"{PlotRight - Left}\" height=\"{Y(band.From) - Y(band.To):0.#}\" fill=\"{band.Fill}\"/>"));
            svg.Append(Invariant($"<text class=\"band-label\" x=\"{BandLabelX}\" y=\"{(Y(band.From) + Y(band.To)) / 2 + 4:0.#}\">{band.Mood}</text>"));
        }
        foreach (var tick in new[] { 0, 20, 40, 60, 80, 100 })
        {
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{Left}\" x2=\"{PlotRight}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\"/>"));
            svg.Append(Invariant($"<text class=\"tick\" x=\"{Left - 8}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\">{tick}</text>"));
        }
        svg.Append(Invariant($"<text class=\"axis\" x=\"{(Left + PlotRight) / 2:0.#}\" y=\"{Height - 6}\" text-anchor=\"middle\">{(useTime ? "time into the call" : "turn")}</text>"));
        svg.Append(Invariant($"<text class=\"tick\" x=\"{Left}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{(useTime ? "0:00" : "0")}</text>"));
        svg.Append(Invariant($"<text class=\"tick\" x=\"{PlotRight}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{(useTime ? Formatting.Clock(maxX) : maxX.ToString("0", CultureInfo.InvariantCulture))}</text>"));

        var line = string.Join(" ", points.Select(p => Invariant($"{X(p.X):0.#},{Y(p.Anger):0.#}")));
        svg.Append(Invariant($"<polyline class=\"anger-line\" fill=\"none\" stroke=\"#b4232a\" stroke-width=\"2.5\" stroke-linejoin=\"round\" points=\"{line}\"/>"));
        if (whatIf is { Points.Count: > 0 })
        {
            var replay = string.Join(" ", whatIf.Points.Select(p => Invariant($"{X(useTime ? p.Seconds : p.TurnNumber):0.#},{Y(p.Anger):0.#}")));
            svg.Append(Invariant($"<polyline class=\"what-if-line\" fill=\"none\" stroke=\"#1f4fa8\" stroke-width=\"2.5\" stroke-dasharray=\"7 5\" stroke-linejoin=\"round\" points=\"{replay}\"><title>{WebUtility.HtmlEncode(whatIf.Summary)}</title></polyline>"));
            return Close(svg);
        }

        foreach (var moment in debrief.KeyMoments)
        {
            var at = points.LastOrDefault(p => p.Turn == moment.TurnNumber);
            // The moment's anger may settle on the customer's reply; mark where it ended up.
            var x = X(at.Turn == moment.TurnNumber ? at.X : useTime ? moment.Seconds : moment.TurnNumber);
            var y = Y(moment.AngerAfter);
            var rise = moment.Delta > 0;
            var label = $"T{moment.TurnNumber} {Formatting.Delta(moment.Delta)}";
            svg.Append(Invariant($"<g class=\"key-moment {(rise ? "rise" : "fall")}\">"));
            svg.Append($"<title>{WebUtility.HtmlEncode($"Turn {moment.TurnNumber}: {Formatting.Delta(moment.Delta)} after {moment.Move}: \"{moment.Quote}\"")}</title>");
            svg.Append(Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{MarkerRadius}\" fill=\"{(rise ? "#b4232a" : "#1f7a4d")}\" stroke=\"#fff\" stroke-width=\"{MarkerStroke}\"/>"));
            // Above the marker for a rise, below for a fall; flipped when it would leave the plot.
            var above = rise ? y - 12 > Top + 8 : y + 20 > Height - Bottom - 4;
            // Centred on the marker, unless that would cross the plot's edge: then it ends (or starts) at the marker.
            var half = label.Length * LabelCharWidth / 2;
            var (anchor, labelX) = x + half > PlotRight ? ("end", Math.Min(x, PlotRight))
                : x - half < Left ? ("start", Math.Max(x, Left))
                : ("middle", x);
            svg.Append(Invariant($"<text class=\"moment-label\" x=\"{labelX:0.#}\" y=\"{(above ? y - 12 : y + 20):0.#}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(label)}</text>"));
            svg.Append("</g>");
        }
        return Close(svg);
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
