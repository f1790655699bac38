using System.Globalization;
using System.Xml.Linq;

namespace SimCaller.Persona.Mood;

/// <summary>
/// Lays out a <see cref="MoodDiagram"/> as SVG with no outside tool: the bands as a ladder (furious at the
/// top, calm at the bottom) inside a "during the call" box, each step's two arrows with their labels in the
/// gap between bands, and the endings in a column to the right, each reached by one straight arrow whose
/// label sits above it. Label room is measured from the text, so labels never run into each other.
/// </summary>
internal static class MoodDiagramSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double Margin = 24;
    private const double FontSize = 12;
    /// <summary>A generous average glyph width at <see cref="FontSize"/>, so estimated text is never wider than drawn.</summary>
    private const double CharWidth = 7.2;
    private const double LineHeight = 15;
    private const double Top = 84;
    private const double ContainerX = 130;
    private const double Pad = 20;
    private const double HeaderHeight = 30;
    private const double BoxHeight = 66;
    private const double EndingWidth = 180;
    private const double EndingHeight = 48;

    public static string Render(MoodDiagram diagram)
    {
        var ladder = diagram.Bands.Reverse().ToArray();
        var bandEdges = diagram.Edges.Where(e => e.From != MoodDiagram.DuringTheCall).ToArray();
        var endingEdges = diagram.Edges.Where(e => e.From == MoodDiagram.DuringTheCall).ToDictionary(e => e.To);

        var half = Math.Max(210, Widest(bandEdges.SelectMany(e => e.Label)) + 44);
        var boxX = ContainerX + Pad;
        var boxWidth = 2 * half;
        var gap = Math.Max(72, bandEdges.Max(e => e.Label.Count) * LineHeight + 18);
        var containerWidth = boxWidth + 2 * Pad;
        var containerHeight = HeaderHeight + ladder.Length * BoxHeight + (ladder.Length - 1) * gap + Pad;
        var containerRight = ContainerX + containerWidth;
        var endingX = containerRight + 20 + Math.Max(160, Widest(endingEdges.Values.SelectMany(e => e.Label)) + 24);
        var slot = containerHeight / diagram.Endings.Count;
        var width = endingX + EndingWidth + Margin;
        var height = Top + Math.Max(containerHeight, diagram.Endings.Count * slot) + 56;

        double BandY(int index) => Top + HeaderHeight + index * (BoxHeight + gap);

        var svg = new XElement(Svg + "svg",
            new XAttribute("width", Num(width)),
            new XAttribute("height", Num(height)),
            new XAttribute("viewBox", $"0 0 {Num(width)} {Num(height)}"),
            new XAttribute("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"),
            new XAttribute("font-size", Num(FontSize)),
            new XElement(Svg + "title", diagram.Title),
            new XElement(Svg + "defs",
                new XElement(Svg + "marker",
                    new XAttribute("id", "arrow"), new XAttribute("viewBox", "0 0 10 10"), new XAttribute("refX", "9"), new XAttribute("refY", "5"),
                    new XAttribute("markerWidth", "8"), new XAttribute("markerHeight", "8"), new XAttribute("orient", "auto-start-reverse"),
                    new XElement(Svg + "path", new XAttribute("d", "M0,0 L10,5 L0,10 z"), new XAttribute("fill", "#444")))),
            Rect(0, 0, width, height, "#ffffff", "none"),
            Text(Margin, 36, diagram.Title, size: 18, weight: "bold"),
            Text(Margin, 58, "Anger runs 0–100. Arrows name what moves this customer, with their points per move at this difficulty.", fill: "#555"));

        // The call in progress: one box around the ladder, where every ending starts.
        svg.Add(new XElement(Svg + "g", new XAttribute("class", "container"),
            Rect(ContainerX, Top, containerWidth, containerHeight, "#fafafa", "#999", rx: 12, dashed: true),
            Text(ContainerX + 12, Top + 20, "during the call", fill: "#666", style: "italic")));

        for (var i = 0; i < ladder.Length; i++)
        {
            var band = ladder[i];
            var y = BandY(i);
            var node = new XElement(Svg + "g", new XAttribute("class", "node band"), new XAttribute("data-id", band.Id),
                Rect(boxX, y, boxWidth, BoxHeight, BandFill(band.Id), "#555", rx: 8),
                Text(boxX + boxWidth / 2, y + 24, band.Title, size: 15, weight: "bold", anchor: "middle"));
            for (var d = 0; d < band.Details.Count; d++)
            {
                node.Add(Text(boxX + boxWidth / 2, y + 42 + d * 14, band.Details[d], fill: "#333", anchor: "middle"));
            }
            svg.Add(node);
        }

        // Each step between neighbouring bands: angrier on the left half, calmer on the right.
        for (var i = 0; i + 1 < ladder.Length; i++)
        {
            var upper = ladder[i];
            var lower = ladder[i + 1];
            var gapTop = BandY(i) + BoxHeight;
            var gapBottom = BandY(i + 1);
            if (bandEdges.FirstOrDefault(e => e.From == lower.Id && e.To == upper.Id) is { } up)
            {
                svg.Add(Edge(up, boxX + 18, gapBottom, boxX + 18, gapTop, boxX + 30, gapTop, gapBottom));
            }
            if (bandEdges.FirstOrDefault(e => e.From == upper.Id && e.To == lower.Id) is { } down)
            {
                svg.Add(Edge(down, boxX + half + 18, gapTop, boxX + half + 18, gapBottom, boxX + half + 30, gapTop, gapBottom));
            }
        }

        var startIndex = Array.FindIndex(ladder, b => b.Id == diagram.StartBand);
        var startY = BandY(startIndex) + BoxHeight / 2;
        var startX = ContainerX - 62;
        svg.Add(new XElement(Svg + "g", new XAttribute("class", "start"),
            new XElement(Svg + "circle", new XAttribute("cx", Num(startX)), new XAttribute("cy", Num(startY)), new XAttribute("r", "7"), new XAttribute("fill", "#222")),
            Line(startX + 7, startY, boxX, startY),
            Text(startX, startY - 16, "start", anchor: "middle", weight: "bold"),
            Text(startX, startY + 26, $"anger {diagram.StartingAnger}", anchor: "middle")));

        for (var k = 0; k < diagram.Endings.Count; k++)
        {
            var ending = diagram.Endings[k];
            var y = Top + k * slot + (slot - EndingHeight) / 2;
            var node = new XElement(Svg + "g", new XAttribute("class", "node ending"), new XAttribute("data-id", ending.Id),
                Rect(endingX, y, EndingWidth, EndingHeight, ending.Reachable ? EndingFill(ending.Id) : "#ffffff", ending.Reachable ? "#555" : "#aaa", rx: 20, dashed: !ending.Reachable),
                Text(endingX + EndingWidth / 2, y + (ending.Details.Count == 0 ? 29 : 20), ending.Title, size: 14, weight: "bold", anchor: "middle", fill: ending.Reachable ? "#111" : "#999"));
            for (var d = 0; d < ending.Details.Count; d++)
            {
                node.Add(Text(endingX + EndingWidth / 2, y + 37 + d * 14, ending.Details[d], anchor: "middle", fill: "#999"));
            }
            svg.Add(node);
            if (endingEdges.TryGetValue(ending.Id, out var edge))
            {
                var lineY = y + EndingHeight / 2;
                var labelTop = lineY - 6 - edge.Label.Count * LineHeight;
                svg.Add(Edge(edge, containerRight, lineY, endingX, lineY, containerRight + 12, labelTop, lineY - 4));
            }
        }

        svg.Add(Text(Margin, height - 20,
            $"Points are for a move's first use; repeats wear off, and every turn varies by up to ±{Num(MoodTuning.Jitter * 100)}%. The strongest four moves are named each way.",
            fill: "#666"));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Declaration + "\n" + svg.ToString() + "\n";
    }

    internal static string BandFill(string id) => id switch
    {
        "calm" => "#d6f0d6",
        "annoyed" => "#ebf3c6",
        "frustrated" => "#fdefbf",
        "angry" => "#fdd6ad",
        "furious" => "#f6bcbc",
        _ => "#eeeeee",
    };

    internal static string EndingFill(string id) => id switch
    {
        "resolved" => "#d6f0d6",
        "hung_up" => "#f6bcbc",
        "escalated" => "#d9e4f6",
        "ended_by_agent" => "#e6dcf3",
        _ => "#ececec",
    };

    /// <summary>An arrow with its label as stacked lines, vertically centred between <paramref name="areaTop"/> and <paramref name="areaBottom"/>.</summary>
    private static XElement Edge(MoodDiagramEdge edge, double x1, double y1, double x2, double y2, double labelX, double areaTop, double areaBottom)
    {
        var first = areaTop + (areaBottom - areaTop - edge.Label.Count * LineHeight) / 2 + FontSize - 1;
        var text = new XElement(Svg + "text", new XAttribute("class", "edge-label"), new XAttribute("x", Num(labelX)), new XAttribute("y", Num(first)), new XAttribute("fill", "#222"));
        for (var i = 0; i < edge.Label.Count; i++)
        {
            text.Add(new XElement(Svg + "tspan",
                new XAttribute("x", Num(labelX)),
                new XAttribute("dy", i == 0 ? "0" : Num(LineHeight)),
                i == 0 ? new XAttribute("font-weight", "bold") : null,
                edge.Label[i]));
        }
        return new XElement(Svg + "g", new XAttribute("class", "edge"), new XAttribute("data-from", edge.From), new XAttribute("data-to", edge.To),
            Line(x1, y1, x2, y2), text);
    }

    private static XElement Line(double x1, double y1, double x2, double y2) =>
        new(Svg + "line",
            new XAttribute("x1", Num(x1)), new XAttribute("y1", Num(y1)), new XAttribute("x2", Num(x2)), new XAttribute("y2", Num(y2)),
            new XAttribute("stroke", "#444"), new XAttribute("stroke-width", "1.5"), new XAttribute("marker-end", "url(#arrow)"));

    private static XElement Rect(double x, double y, double w, double h, string fill, string stroke, double rx = 0, bool dashed = false) =>
        new(Svg + "rect",
            new XAttribute("x", Num(x)), new XAttribute("y", Num(y)), new XAttribute("width", Num(w)), new XAttribute("height", Num(h)),
            new XAttribute("rx", Num(rx)), new XAttribute("fill", fill), new XAttribute("stroke", stroke),
            dashed ? new XAttribute("stroke-dasharray", "6 4") : null);

    /// <summary>Text is added as a node value, so the XML writer escapes &amp;, &lt; and quotes in persona names.</summary>
    private static XElement Text(double x, double y, string text, double size = FontSize, string? weight = null, string anchor = "start", string fill = "#111", string? style = null) =>
        new(Svg + "text",
            new XAttribute("x", Num(x)), new XAttribute("y", Num(y)), new XAttribute("fill", fill),
            size != FontSize ? new XAttribute("font-size", Num(size)) : null,
            weight is null ? null : new XAttribute("font-weight", weight),
            style is null ? null : new XAttribute("font-style", style),
            anchor == "start" ? null : new XAttribute("text-anchor", anchor),
            text);

    private static double Widest(IEnumerable<string> lines) => lines.Select(l => l.Length).DefaultIfEmpty(0).Max() * CharWidth;

    private static string Num(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
