using System.Text.Json;
using SimCaller.Practice.Tests;

namespace SimCaller.Cli.Tests;

/// <summary>`simcaller replay`: a finished call again from one turn, with a better line.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private readonly CliFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<string> PlayAsync(string persona, string[] script)
    {
        var file = _folder.File($"{persona}.txt", string.Join('\n', script) + "\n");
        var run = await _folder.RunAsync("practice", "--persona", persona, "--seed", "3", "--script", file, "--json", "--db", _folder.Database);
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.GetProperty("session_id").GetString()!;
    }

    [Fact]
    public async Task Json_on_stdout_alone_with_both_runs()
    {
        var sessionId = await PlayAsync("stressed-traveler", Scripts.Rude["stressed-traveler"][0]);

        var run = await _folder.RunAsync("replay", sessionId, "--turn", "1", "--say",
            "Oh no, the night before the wedding, that's awful. I'll get you on the first flight out myself.", "--json", "--db", _folder.Database);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        Assert.Equal(sessionId, root.GetProperty("session_id").GetString());
        var original = root.GetProperty("original").GetProperty("anger").EnumerateArray().Select(a => a.GetInt32()).ToArray();
        var replay = root.GetProperty("replay").GetProperty("anger").EnumerateArray().Select(a => a.GetInt32()).ToArray();
        Assert.True(replay[0] < original[0], $"{replay[0]} vs {original[0]}");
        Assert.True(root.GetProperty("replay").GetProperty("score").GetInt32() > root.GetProperty("original").GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Text_output_compares_the_runs_turn_by_turn()
    {
        var sessionId = await PlayAsync("abusive-caller", Scripts.Rude["abusive-caller"][0]);

        var run = await _folder.RunAsync("replay", sessionId, "--turn", "2", "--say", "I hear you, and I'm going to fix this bill today.", "--db", _folder.Database);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("your new line", run.Stdout);
        Assert.Contains("instead of", run.Stdout);
        Assert.Contains("I hear you, and I'm going to fix this bill today.", run.Stdout);
    }

    [Fact]
    public async Task A_turn_outside_the_call_or_an_unknown_session_is_bad_input()
    {
        var sessionId = await PlayAsync("off-topic-ranter", ["Hello, how can I help?"]);

        var outside = await _folder.RunAsync("replay", sessionId, "--turn", "9", "--say", "Hi", "--db", _folder.Database);
        var unknown = await _folder.RunAsync("replay", "no-such-session", "--turn", "1", "--say", "Hi", "--db", _folder.Database);
        var missing = await _folder.RunAsync("replay", sessionId, "--say", "Hi", "--db", _folder.Database);

        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("outside the call", outside.Stderr);
        Assert.Empty(outside.Stdout);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal(2, missing.ExitCode);
    }
}
