using System.Text.Json;
using SimCaller.Core.Calls;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rendering;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Evaluation.Tests.Support;
using Xunit.Abstractions;

namespace SimCaller.Evaluation.Tests.Rendering;

public sealed class RenderingTests(ITestOutputHelper output)
{
    private static readonly DebriefBuilder Builder = new(RubricLoader.LoadEmbedded());

    internal static Debrief WithHostileText() => Builder.Build(CallScript.Build("off-topic-ranter", CallOutcome.Resolved, 55,
    [
        "C: You've charged me twice & I want it back <now>!",
        "T: <script>alert('x')</script> so you were charged twice, is that right?",
        "C: Yes.",
        "T: I'm sorry about that, I've refunded the duplicate \"charge\" | it lands in 3 days.",
        "C: Good.",
    ]));

    [Fact]
    public void Json_has_the_contract_fields_in_snake_case()
    {
        var debrief = Builder.Build(Scenarios.TravelerGood());
        using var doc = JsonDocument.Parse(DebriefJson.Serialize(debrief));
        var root = doc.RootElement;
        Assert.Equal(debrief.Score, root.GetProperty("score").GetInt32());
        Assert.Equal("resolved", root.GetProperty("outcome").GetString());
        Assert.Equal(Debrief.CurrentSchemaVersion, root.GetProperty("schema_version").GetInt32());
        foreach (var criterion in root.GetProperty("criteria").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(criterion.GetProperty("id").GetString()));
            Assert.InRange(criterion.GetProperty("score").GetInt32(), 0, 100);
            foreach (var evidence in criterion.GetProperty("evidence").EnumerateArray())
            {
                Assert.True(evidence.TryGetProperty("turn_number", out _));
                Assert.True(evidence.TryGetProperty("positive", out _));
            }
        }
        foreach (var name in new[] { "session_id", "persona_id", "key_moments", "timeline", "suggestions", "stats" })
        {
            Assert.True(root.TryGetProperty(name, out _), name);
        }
        Assert.True(root.GetProperty("stats").TryGetProperty("seconds_to_first_empathy", out _));
        Assert.Equal("trainee", root.GetProperty("timeline")[1].GetProperty("speaker").GetString());
    }

    [Fact]
    public void Json_round_trips()
    {
        var debrief = Builder.Build(Scenarios.AbusiveMixed());
        var json = DebriefJson.Serialize(debrief);
        var back = DebriefJson.Deserialize(json);
        Assert.Equal(json, DebriefJson.Serialize(back));
        Assert.Equal(debrief.Outcome, back.Outcome);
        Assert.Equal(debrief.Criteria.Select(c => (c.Id, c.Score)), back.Criteria.Select(c => (c.Id, c.Score)));
        Assert.Equal(debrief.Suggestions, back.Suggestions);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{not json", "not valid")]
    [InlineData("{\"score\": 5, \"outcome\": \"exploded\"}", "unknown outcome 'exploded'")]
    [InlineData("{\"score\": 5, \"outcome\": \"resolved\"}", "criteria")]
    public void Bad_json_gives_a_clear_message(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => DebriefJson.Deserialize(json));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Markdown_shows_score_criteria_evidence_moments_and_suggestions()
    {
        var call = Scenarios.TravelerMixed();
        var debrief = Builder.Build(call);
        var md = DebriefMarkdown.Render(debrief);
        Assert.Contains($"**Score: {debrief.Score}/100**", md);
        Assert.Contains("| Active listening |", md);
        Assert.Contains("## Key moments", md);
        foreach (var s in debrief.Suggestions)
        {
            Assert.Contains($"At turn {s.TurnNumber}", md);
            Assert.Contains("Try:", md);
        }
        var evidence = debrief.Criteria.SelectMany(c => c.Evidence).First();
        Assert.Contains($"turn {evidence.TurnNumber}", md);
        Assert.Contains("Ran out of time", md);
        output.WriteLine(DebriefMarkdown.Render(Builder.Build(Scenarios.TravelerGood())));
    }

    [Fact]
    public void Markdown_keeps_trainee_text_from_breaking_the_table()
    {
        var md = DebriefMarkdown.Render(WithHostileText());
        Assert.DoesNotContain("<script>", md);
        Assert.All(md.Split('\n').Where(l => l.StartsWith("| ")), l => Assert.EndsWith("|", l.TrimEnd()));
    }

    [Fact]
    public void Html_encodes_every_piece_of_call_text()
    {
        var html = DebriefHtml.Render(WithHostileText());
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<now>", html);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("<link", html);
    }

    [Fact]
    public void A_what_if_is_drawn_dashed_under_its_own_suggestion_with_its_summary()
    {
        var debrief = new DebriefBuilder(RubricLoader.LoadEmbedded()).Build(Scenarios.TravelerBad());
        Assert.True(debrief.Suggestions.Count >= 2);
        var at = debrief.Timeline[2];
        var whatIf = new WhatIf(1, [new(at.TurnNumber, at.Seconds, at.Anger), new(at.TurnNumber + 1, at.Seconds + 10, 12)], "Resolved at turn 9 instead of <hung up> at turn 7");

        var html = DebriefHtml.Render(debrief, [whatIf]);

        var suggestions = html[html.IndexOf("id=\"suggestions\"", StringComparison.Ordinal)..];
        var items = suggestions.Split("<li>");
        Assert.DoesNotContain("what-if-line", items[1]);
        Assert.Contains("what-if-line", items[2]);
        Assert.Contains("stroke-dasharray", items[2]);
        Assert.Contains("Resolved at turn 9 instead of &lt;hung up&gt; at turn 7", items[2]);
        Assert.DoesNotContain("what-if-line", DebriefHtml.Render(debrief));
    }
}
