using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rendering;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Evaluation.Tests.Support;

namespace SimCaller.Evaluation.Tests.Rendering;

public sealed class TranscriptAndChartTests
{
    private static readonly DebriefBuilder Builder = new(RubricLoader.LoadEmbedded());

    [Fact]
    public void Json_carries_the_transcript_with_both_speakers_anger_and_techniques()
    {
        var call = Scenarios.TravelerMixed();
        var debrief = Builder.Build(call);
        using var doc = JsonDocument.Parse(DebriefJson.Serialize(debrief));
        var turns = doc.RootElement.GetProperty("transcript").EnumerateArray().ToArray();
        Assert.Equal(call.Turns.Count, turns.Length);
        for (var i = 0; i < turns.Length; i++)
        {
            Assert.Equal(call.Turns[i].Number, turns[i].GetProperty("turn_number").GetInt32());
            Assert.Equal(call.Turns[i].Text, turns[i].GetProperty("text").GetString());
            Assert.Equal(call.Turns[i].Anger, turns[i].GetProperty("anger").GetInt32());
            Assert.Equal(call.Turns[i].Speaker == Speaker.Trainee ? "trainee" : "customer", turns[i].GetProperty("speaker").GetString());
        }
        Assert.Contains("cliche", turns[1].GetProperty("techniques").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty(turns[0].GetProperty("techniques").EnumerateArray());
    }

    [Fact]
    public void A_debrief_stored_before_the_transcript_existed_still_reads_and_renders()
    {
        var json = DebriefJson.Serialize(Builder.Build(Scenarios.TravelerMixed()));
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("transcript");
        var evidence = node["criteria"]!.AsArray().Select(c => c!["evidence"]!.AsArray()).First(e => e.Count > 0);
        evidence[0]!.AsObject().Remove("times");
        var old = DebriefJson.Deserialize(node.ToJsonString());
        Assert.Empty(old.Transcript);
        Assert.Equal(1, old.Criteria.SelectMany(c => c.Evidence).First().Times);
        Assert.Contains("not stored", DebriefHtml.Render(old));
        node["transcript"] = null;
        Assert.Empty(DebriefJson.Deserialize(node.ToJsonString()).Transcript);
    }

    [Fact]
    public void Html_transcript_shows_every_turn_of_both_speakers_with_the_anger_after_it()
    {
        var call = Scenarios.TravelerMixed();
        var debrief = Builder.Build(call);
        var html = DebriefHtml.Render(debrief);

        var section = Regex.Match(html, "<section id=\"transcript\"[^>]*>(.*?)</section>", RegexOptions.Singleline);
        Assert.True(section.Success, "no transcript section");
        var body = section.Groups[1].Value;
        Assert.Matches("<h2[^>]*>Transcript</h2>", body);
        foreach (var header in new[] { "Turn", "Speaker", "What was said", "Anger after", "Techniques" })
        {
            Assert.Contains($"<th scope=\"col\">{header}</th>", body);
        }
        var rows = Regex.Matches(body, "<tr class=\"(customer|trainee)[^\"]*\" data-turn=\"(\\d+)\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.Equal(call.Turns.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var turn = call.Turns[i];
            var row = rows[i].Groups[3].Value;
            Assert.Equal(turn.Speaker == Speaker.Trainee ? "trainee" : "customer", rows[i].Groups[1].Value);
            Assert.Equal(turn.Number.ToString(CultureInfo.InvariantCulture), rows[i].Groups[2].Value);
            Assert.Contains(WebUtility.HtmlEncode(turn.Text), row);
            Assert.Matches($"<td class=\"anger\">.*?<span class=\"value\">{turn.Anger}</span>", row);
            Assert.Contains(turn.Mood, row);
            foreach (var technique in turn.Techniques)
            {
                Assert.Contains(technique.Technique.ToId().Replace('_', ' '), row);
            }
        }
        Assert.Contains("Customer", rows[0].Groups[3].Value);
        Assert.Contains("Trainee", rows[1].Groups[3].Value);
    }

    [Fact]
    public void Html_transcript_escapes_call_text()
    {
        var html = DebriefHtml.Render(RenderingTests.WithHostileText());
        var section = Regex.Match(html, "<section id=\"transcript\"[^>]*>(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", section);
        Assert.Contains("&lt;now&gt;", section);
        Assert.DoesNotContain("<script", section);
    }

    public static TheoryData<int> FinalAngers => new() { 0, 3, 8, 12, 18, 25, 35, 50, 65, 78, 85, 95, 100 };

    /// <summary>
    /// The band labels ("calm", "furious", ...) must never sit on a key-moment marker or its label,
    /// wherever the call ends. Text boxes are estimated generously from the font size.
    /// </summary>
    [Theory]
    [MemberData(nameof(FinalAngers))]
    public void Band_labels_never_overlap_markers_or_their_labels(int finalAnger)
    {
        var svg = ChartEndingAt(finalAnger);
        var bandLabels = Texts(svg, "band-label").ToArray();
        Assert.Equal(5, bandLabels.Length);
        var markers = svg.Descendants(Svg + "circle").Select(c =>
        {
            double cx = D(c, "cx"), cy = D(c, "cy"), r = D(c, "r") + D(c, "stroke-width", 0) / 2;
            return new Box(cx - r, cy - r, cx + r, cy + r);
        }).ToArray();
        Assert.NotEmpty(markers);
        var momentLabels = Texts(svg, "moment-label").ToArray();
        Assert.Equal(markers.Length, momentLabels.Length);
        foreach (var label in bandLabels)
        {
            foreach (var other in markers.Concat(momentLabels))
            {
                Assert.False(label.Overlaps(other), $"band label {label} overlaps {other} when the call ends at anger {finalAnger}");
            }
        }
        // Moment labels stay inside the drawing.
        var viewBox = svg.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.All(momentLabels, l => Assert.True(l.Left >= 0 && l.Right <= viewBox[2] && l.Top >= 0 && l.Bottom <= viewBox[3], $"{l} leaves the chart"));
    }

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // A call whose last trainee turn is a big swing that ends at the given anger, so its marker sits at the right edge.
    private static XElement ChartEndingAt(int finalAnger)
    {
        var debrief = Builder.Build(Scenarios.TravelerMixed());
        var timeline = debrief.Timeline.ToList();
        var last = timeline[^1];
        timeline[^1] = last with { Anger = finalAnger, Mood = CallScript.Mood(finalAnger) };
        var before = timeline[^2].Anger;
        var moment = new KeyMoment(last.TurnNumber, last.Seconds, finalAnger > before ? "rise" : "fall", finalAnger - before, before, finalAnger, "empathy", "last words");
        var chart = debrief with
        {
            Timeline = timeline,
            KeyMoments = [.. debrief.KeyMoments.Where(k => k.TurnNumber != last.TurnNumber), moment],
        };
        return XElement.Parse(AngerChart.Render(chart));
    }

    private sealed record Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Overlaps(Box o) => Left < o.Right && o.Left < Right && Top < o.Bottom && o.Top < Bottom;
    }

    private static IEnumerable<Box> Texts(XElement svg, string cssClass) =>
        svg.Descendants(Svg + "text").Where(t => (t.Attribute("class")?.Value ?? "").Split(' ').Contains(cssClass)).Select(t =>
        {
            const double fontSize = 11, charWidth = 0.68 * fontSize;
            var width = t.Value.Length * charWidth;
            double x = D(t, "x"), y = D(t, "y");
            var left = (t.Attribute("text-anchor")?.Value ?? "start") switch
            {
                "middle" => x - width / 2,
                "end" => x - width,
                _ => x,
            };
            return new Box(left, y - fontSize, left + width, y + 0.3 * fontSize);
        });

    private static double D(XElement e, string name, double fallback = double.NaN) =>
        e.Attribute(name) is { } a ? double.Parse(a.Value, CultureInfo.InvariantCulture)
        : double.IsNaN(fallback) ? throw new InvalidOperationException($"{e.Name.LocalName} lacks {name}") : fallback;
}
