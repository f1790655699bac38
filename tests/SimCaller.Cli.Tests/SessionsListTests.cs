using System.Text.Json;

namespace SimCaller.Cli.Tests;

/// <summary>`sessions list` filters for trainers and the coming web console; the JSON stays an array of today's fields plus provenance.</summary>
public class SessionsListTests : IDisposable
{
    private readonly CliFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<string> PracticeAsync(string persona, string difficulty, string line)
    {
        var script = _folder.File($"{Guid.NewGuid():N}.txt", line + "\n");
        var run = await _folder.RunAsync("practice", "--persona", persona, "--difficulty", difficulty, "--seed", "4", "--script", script, "--json", "--db", _folder.Database);
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("session_id").GetString()!;
    }

    private async Task<JsonElement[]> ListAsync(params string[] flags)
    {
        var run = await _folder.RunAsync(["sessions", "list", "--json", "--db", _folder.Database, .. flags]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(JsonValueKind.Array, root.ValueKind);
        return root.EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Sessions_are_filtered_and_paged_and_carry_what_they_were_played_against()
    {
        var traveler = await PracticeAsync("stressed-traveler", "hard", "I'm so sorry, that's a horrible night you're having.");
        var abusive = await PracticeAsync("abusive-caller", "easy", "I hear you, let me look at the bill.");

        var all = await ListAsync();
        var byPersona = await ListAsync("--persona", "abusive-caller");
        var byDifficulty = await ListAsync("--difficulty", "hard");
        var byOutcome = await ListAsync("--outcome", "abandoned", "--from", "2000-01-01", "--to", "2999-12-31");
        var none = await ListAsync("--to", "2000-01-01");
        var page = await ListAsync("--offset", "1", "--limit", "1");
        var scored = await ListAsync("--min-score", "0", "--max-score", "100");
        var noCode = await ListAsync("--code", "99999999");

        Assert.Equal([abusive, traveler], all.Select(s => s.GetProperty("session_id").GetString()));
        var row = all[1];
        foreach (var field in new[] { "persona", "difficulty", "seed", "channel", "trainee", "started_at", "ended_at", "outcome", "anger", "turns", "score" })
        {
            Assert.True(row.TryGetProperty(field, out _), field);
        }
        Assert.Matches("^[0-9a-f]{64}$", row.GetProperty("persona_hash").GetString());
        Assert.Equal("default", row.GetProperty("rubric").GetString());
        Assert.Matches("^[0-9a-f]{64}$", row.GetProperty("rubric_hash").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("code").ValueKind);
        Assert.StartsWith("rules", row.GetProperty("analyser").GetString());
        Assert.Equal([abusive], byPersona.Select(s => s.GetProperty("session_id").GetString()));
        Assert.Equal([traveler], byDifficulty.Select(s => s.GetProperty("session_id").GetString()));
        Assert.Equal(2, byOutcome.Length);
        Assert.Empty(none);
        Assert.Equal([traveler], page.Select(s => s.GetProperty("session_id").GetString()));
        Assert.Equal(2, scored.Length);
        Assert.Empty(noCode);
    }

    [Theory]
    [InlineData("--outcome", "won", "--outcome")]
    [InlineData("--from", "yesterday", "--from")]
    [InlineData("--to", "2026-13-45", "--to")]
    [InlineData("--min-score", "high", "--min-score")]
    [InlineData("--max-score", "101", "--max-score")]
    [InlineData("--offset", "-3", "--offset")]
    public async Task A_bad_flag_value_is_a_usage_error_that_names_the_flag(string flag, string value, string named)
    {
        var run = await _folder.RunAsync("sessions", "list", "--db", _folder.Database, flag, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_a_usage_error()
    {
        var run = await _folder.RunAsync("sessions", "list", "--db", _folder.Database, "--from", "2026-11-23", "--to", "2026-11-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from", run.Stderr);
    }

    [Fact]
    public async Task A_hold_lasts_until_the_next_line_and_a_short_one_is_not_a_long_hold()
    {
        var script = _folder.File("hold.txt", "/hold\nThanks for waiting, I've checked the next flights.\n");

        var run = await _folder.RunAsync("practice", "--persona", "stressed-traveler", "--seed", "4", "--script", script, "--json", "--db", _folder.Database);

        Assert.Equal(0, run.ExitCode);
        var trainee = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("turns").EnumerateArray()
            .Where(t => t.GetProperty("speaker").GetString() == "trainee").ToArray();
        // The hold and the line after it are one turn: the trainee's words after coming back.
        var turn = Assert.Single(trainee);
        Assert.Equal("Thanks for waiting, I've checked the next flights.", turn.GetProperty("text").GetString());
        Assert.False(turn.TryGetProperty("events", out var events) && events.EnumerateArray().Any(e => e.GetString() == "long_hold"));
    }
}
