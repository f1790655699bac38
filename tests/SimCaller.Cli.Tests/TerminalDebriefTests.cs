using System.Text.Json;
using System.Text.RegularExpressions;
using SimCaller.Cli.Terminal;
using SimCaller.Core.Calls;
using SimCaller.Evaluation.Debriefs;

namespace SimCaller.Cli.Tests;

/// <summary>The debrief a trainee reads at the end of a terminal call: laid out, not raw Markdown.</summary>
public class TerminalDebriefTests : IDisposable
{
    private const string Escape = "\u001b[";

    private readonly CliFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Plain_output_is_aligned_text_without_markup_or_escapes()
    {
        var debrief = Sample();

        var text = DebriefView.Render(debrief, color: false);

        AssertPlain(text);
        Assert.Contains("Score 64/100", text);
        foreach (var criterion in debrief.Criteria)
        {
            Assert.Contains(criterion.Name, text);
        }
        // Trainee words come through exactly as said: brackets, stars, underscores and pipes included.
        foreach (var quote in debrief.Criteria.SelectMany(c => c.Evidence).Select(e => e.Quote))
        {
            Assert.Contains($"\"{quote}\"", text);
        }
        foreach (var suggestion in debrief.Suggestions)
        {
            Assert.Contains(suggestion.Advice, text);
            Assert.Contains(suggestion.BetterPhrasing, text);
        }
        Assert.Contains("after long_hold", text);
        // Aligned: every criterion's score ends in the same column under the "Score" heading.
        var lines = text.Split('\n');
        var header = lines.Single(l => l.Contains("Criterion") && l.Contains("Summary"));
        var scoreEnd = header.IndexOf("Score", StringComparison.Ordinal) + "Score".Length;
        foreach (var criterion in debrief.Criteria)
        {
            var row = lines.Single(l => l.TrimStart().StartsWith(criterion.Name, StringComparison.Ordinal) && l.Contains(criterion.Summary));
            Assert.Equal(criterion.Score.ToString(), row[..scoreEnd].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
        }
    }

    [Fact]
    public void Colour_output_paints_scores_and_keeps_the_words()
    {
        var debrief = Sample();

        var text = DebriefView.Render(debrief, color: true, width: 400);

        Assert.Contains(Escape, text, StringComparison.Ordinal);
        var visible = Regex.Replace(text, @"\u001b\[[0-9;]*m", "");
        Assert.Contains("Score 64/100", visible);
        Assert.Contains("Active listening", visible);
        Assert.Contains("\"I'm sorry [really] you've had *such* a night | honestly\"", visible);
        Assert.DoesNotContain("**", visible, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_what_the_trainee_typed_cannot_drive_the_terminal()
    {
        var debrief = Sample() with { PersonaName = "Dana\u001b[2J Whitfield" };

        var text = DebriefView.Render(debrief, color: false);

        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practice_and_debrief_print_plain_text_when_stdout_is_not_a_terminal()
    {
        var script = _folder.File("call.txt", "I'm so sorry, that's a horrible_night to *have*.\n/hold\nI can rebook you on the first flight tomorrow morning.\n");

        var practice = await _folder.RunAsync("practice", "--persona", "stressed-traveler", "--seed", "3", "--script", script, "--db", _folder.Database);
        var json = await _folder.RunAsync("practice", "--persona", "stressed-traveler", "--seed", "3", "--script", script, "--json", "--db", _folder.Database);

        Assert.True(practice.ExitCode == 0, practice.Stderr);
        AssertPlain(practice.Stdout);
        Assert.Matches(@"Score \d+/100", practice.Stdout);
        Assert.Contains("\"I'm so sorry, that's a horrible_night to *have*.\"", practice.Stdout);
        // Ids with underscores are printed as they are (the Markdown debrief escaped them as long\_hold).
        Assert.DoesNotContain(@"\_", practice.Stdout);
        using var document = JsonDocument.Parse(json.Stdout);
        var sessionId = document.RootElement.GetProperty("session_id").GetString()!;
        foreach (var criterion in document.RootElement.GetProperty("debrief").GetProperty("criteria").EnumerateArray())
        {
            Assert.Contains(criterion.GetProperty("name").GetString()!, practice.Stdout);
        }

        var shown = await _folder.RunAsync("debrief", sessionId, "--db", _folder.Database);
        var markdown = await _folder.RunAsync("debrief", sessionId, "--format", "md", "--db", _folder.Database);
        var asJson = await _folder.RunAsync("debrief", sessionId, "--format", "json", "--db", _folder.Database);

        Assert.Equal(0, shown.ExitCode);
        AssertPlain(shown.Stdout);
        Assert.Contains($"Score {document.RootElement.GetProperty("debrief").GetProperty("score").GetInt32()}/100", shown.Stdout);
        Assert.Contains("**Score", markdown.Stdout);
        Assert.Equal(sessionId, JsonDocument.Parse(asJson.Stdout).RootElement.GetProperty("session_id").GetString());
    }

    [Theory]
    [InlineData("debrief.md", "**Score")]
    [InlineData("debrief.html", "<html")]
    [InlineData("debrief.txt", "Score ")]
    public async Task Debrief_out_follows_the_file_extension(string name, string marker)
    {
        var script = _folder.File("call.txt", "I'm so sorry about your flight.\n");
        var practice = await _folder.RunAsync("practice", "--persona", "stressed-traveler", "--seed", "4", "--script", script, "--json", "--db", _folder.Database);
        var sessionId = JsonDocument.Parse(practice.Stdout).RootElement.GetProperty("session_id").GetString()!;
        var file = Path.Combine(_folder.Path, name);

        var run = await _folder.RunAsync("debrief", sessionId, "--out", file, "--db", _folder.Database);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(marker, await File.ReadAllTextAsync(file), StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertPlain(string text)
    {
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("|---", text, StringComparison.Ordinal);
        Assert.DoesNotContain("| ---", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
    }

    private static Debrief Sample()
    {
        EvidenceQuote Quote(int turn, string text, string technique, bool positive) => new(turn, turn * 7, text, technique, positive);
        var criteria = new[]
        {
            new CriterionResult("active_listening", "Active listening", 15, 40, "Weak: the problem was never played back.", []),
            new CriterionResult("empathy", "Empathy and acknowledgement", 15, 90, "Strong: early and specific.",
                [Quote(2, "I'm sorry [really] you've had *such* a night | honestly", "empathy", true)]),
            new CriterionResult("tone", "Professional tone", 10, 35, "Weak: blame crept in.",
                [Quote(4, "That's the_airline's <problem>, not mine", "blame", false)]),
        };
        return new Debrief(
            "s1", "stressed-traveler", "Dana Whitfield", "standard", 7, DateTimeOffset.UnixEpoch, CallOutcome.HungUp, 64, "default",
            criteria,
            [
                new KeyMoment(2, 14, "fall", -12, 70, 58, "empathy", "I'm sorry [really] you've had *such* a night | honestly"),
                new KeyMoment(3, 21, "rise", 8, 58, 66, "long_hold", ""),
            ],
            [],
            [
                new Suggestion(4, 28, "That's the_airline's <problem>, not mine", "blame", "Own the problem instead of pointing at someone else.", "\"I'll sort this out for you now.\""),
                new Suggestion(6, 40, null, "check_satisfaction", "Check the answer works before closing.", "\"Does that work for you?\""),
            ],
            new DebriefStats(9, 4, 0.41, 14, 0, 1, 70, 66, 74, 62));
    }
}
