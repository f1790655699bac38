using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SimCaller.Cli.Tests;

/// <summary>A candidate with a session code practises in the terminal as they would by phone.</summary>
public class SessionCodeTests : IDisposable
{
    private readonly CliFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_session_code_plays_the_customer_difficulty_and_seed_it_fixes()
    {
        var code = await CreateCodeAsync("abusive-caller", "hard", "12");
        var script = _folder.File("call.txt", "I'm sorry you've been passed around, that sounds exhausting.\nI'll sort out the charge for you today.\n");

        var byCode = await _folder.RunAsync("practice", "--code", code, "--script", script, "--json", "--db", _folder.Database);
        var byHand = await _folder.RunAsync("practice", "--persona", "abusive-caller", "--difficulty", "hard", "--seed", "12", "--script", script, "--json", "--db", _folder.Database);

        Assert.True(byCode.ExitCode == 0, byCode.Stderr);
        using var played = JsonDocument.Parse(byCode.Stdout);
        using var reference = JsonDocument.Parse(byHand.Stdout);
        var root = played.RootElement;
        Assert.Equal("abusive-caller", root.GetProperty("persona").GetString());
        Assert.Equal("hard", root.GetProperty("difficulty").GetString());
        Assert.Equal(12, root.GetProperty("seed").GetInt32());
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, reference.RootElement.GetProperty("code").ValueKind);
        // Same customer, same seed, same lines: the code is exactly that call.
        Assert.Equal(Texts(reference.RootElement), Texts(root));
    }

    [Fact]
    public async Task A_code_typed_with_spaces_or_dashes_is_still_recognised()
    {
        var code = await CreateCodeAsync("stressed-traveler", "easy", "3");
        var typed = $"{code[..4]}-{code[4..]}";

        var run = await _folder.RunWithInputAsync("/quit\n", "practice", "--code", typed, "--db", _folder.Database);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"stressed-traveler, easy, seed 3, code {code}", run.Stdout);
    }

    [Fact]
    public async Task An_unknown_code_exits_2_with_a_clear_message_and_starts_no_call()
    {
        await CreateCodeAsync("stressed-traveler", null, "5");
        var script = _folder.File("call.txt", "hello\n");

        var run = await _folder.RunAsync("practice", "--code", "00000001", "--script", script, "--db", _folder.Database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown session code '00000001'", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.Equal(0, SessionCount());
    }

    [Theory]
    [InlineData("--persona", "abusive-caller")]
    [InlineData("--difficulty", "hard")]
    [InlineData("--seed", "9")]
    public async Task A_code_with_persona_difficulty_or_seed_is_a_usage_error(string flag, string value)
    {
        var code = await CreateCodeAsync("stressed-traveler", null, "5");
        var script = _folder.File("call.txt", "hello\n");

        var run = await _folder.RunAsync("practice", "--code", code, flag, value, "--script", script, "--db", _folder.Database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--code", run.Stderr);
        Assert.Contains(flag, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal(0, SessionCount());
    }

    private async Task<string> CreateCodeAsync(string persona, string? difficulty, string seed)
    {
        string[] args = difficulty is null
            ? ["codes", "create", "--persona", persona, "--seed", seed, "--db", _folder.Database]
            : ["codes", "create", "--persona", persona, "--difficulty", difficulty, "--seed", seed, "--db", _folder.Database];
        var created = await _folder.RunAsync(args);
        Assert.True(created.ExitCode == 0, created.Stderr);
        return created.Stdout.Trim();
    }

    private static string[] Texts(JsonElement document) =>
        document.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("text").GetString()!).ToArray();

    private int SessionCount()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sessions";
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
