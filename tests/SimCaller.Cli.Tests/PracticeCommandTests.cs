using System.Text.Json;
using Microsoft.Data.Sqlite;
using SimCaller.Practice.Tests;

namespace SimCaller.Cli.Tests;

public class PracticeCommandTests : IDisposable
{
    private readonly CliFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Personas() => new(Scripts.Skilful.Keys);

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task A_skilful_scripted_call_ends_calmer_and_scores_higher_than_a_rude_one(string personaId)
    {
        var good = await PracticeJsonAsync(personaId, Scripts.Skilful[personaId][0]);
        var rude = await PracticeJsonAsync(personaId, Scripts.Rude[personaId][0]);

        Assert.Equal("resolved", good.GetProperty("outcome").GetString());
        Assert.Equal("hung_up", rude.GetProperty("outcome").GetString());
        Assert.True(FinalAnger(good) < FinalAnger(rude), $"anger {FinalAnger(good)} vs {FinalAnger(rude)}");
        Assert.True(Score(good) > Score(rude), $"score {Score(good)} vs {Score(rude)}");
    }

    [Fact]
    public async Task The_json_document_carries_the_call_and_its_debrief()
    {
        var document = await PracticeJsonAsync("stressed-traveler", Scripts.Skilful["stressed-traveler"][1]);

        Assert.Equal("stressed-traveler", document.GetProperty("persona").GetString());
        Assert.Equal("standard", document.GetProperty("difficulty").GetString());
        Assert.Equal(7, document.GetProperty("seed").GetInt32());
        Assert.False(string.IsNullOrEmpty(document.GetProperty("session_id").GetString()));
        var turns = document.GetProperty("turns").EnumerateArray().ToArray();
        Assert.Equal("customer", turns[0].GetProperty("speaker").GetString());
        Assert.Equal("trainee", turns[1].GetProperty("speaker").GetString());
        Assert.Equal(Scripts.Skilful["stressed-traveler"][1][0], turns[1].GetProperty("text").GetString());
        Assert.Contains("empathy", turns[1].GetProperty("techniques").EnumerateArray().Select(t => t.GetString()));
        Assert.All(turns, t => Assert.InRange(t.GetProperty("anger").GetInt32(), 0, 100));
        var criteria = document.GetProperty("debrief").GetProperty("criteria").EnumerateArray().ToArray();
        Assert.NotEmpty(criteria);
        Assert.All(criteria, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("id").GetString())));
    }

    [Fact]
    public async Task A_script_that_runs_out_mid_call_is_saved_as_abandoned_with_a_debrief()
    {
        var document = await PracticeJsonAsync("stressed-traveler", ["I'm so sorry about your flight, that's a horrible position to be in."]);

        Assert.Equal("abandoned", document.GetProperty("outcome").GetString());
        Assert.Equal(3, document.GetProperty("turns").GetArrayLength());
        Assert.True(document.GetProperty("debrief").TryGetProperty("score", out _));
    }

    [Fact]
    public async Task Putting_the_customer_on_hold_is_not_a_turn_until_the_trainee_comes_back()
    {
        // Issue 9 point 7: the hold lasts until the next input; leaving while on hold abandons the customer there.
        var held = await PracticeJsonAsync("stressed-traveler", ["/hold"]);

        var heldTurns = held.GetProperty("turns").EnumerateArray().ToArray();
        Assert.Equal("customer", Assert.Single(heldTurns).GetProperty("speaker").GetString());
        Assert.Equal("abandoned", held.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task An_unknown_persona_exits_2_and_lists_the_known_ones()
    {
        var run = await _folder.RunAsync("practice", "--persona", "grumpy-wizard", "--db", _folder.Database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("grumpy-wizard", run.Stderr);
        Assert.Contains("stressed-traveler", run.Stderr);
        Assert.Contains("abusive-caller", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task A_missing_script_file_exits_2_naming_the_file()
    {
        var missing = Path.Combine(_folder.Path, "no-such-script.txt");

        var run = await _folder.RunAsync("practice", "--persona", "stressed-traveler", "--script", missing, "--db", _folder.Database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task A_broken_rubric_file_exits_2_naming_the_file()
    {
        var rubric = _folder.File("rubric.yaml", "id: mine\n");
        var script = _folder.File("call.txt", "hello\n");

        var run = await _folder.RunAsync("practice", "--persona", "stressed-traveler", "--script", script, "--rubric", rubric, "--db", _folder.Database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(rubric, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task A_database_path_that_cannot_be_created_is_named_in_the_message()
    {
        var blocker = _folder.File("not-a-folder", "a file where a folder should be");

        var run = await _folder.RunAsync("sessions", "list", "--db", Path.Combine(blocker, "calls.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.Combine(blocker, "calls.db"), run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task A_malformed_flag_exits_2()
    {
        var run = await _folder.RunAsync("practice", "--seed", "seven", "--db", _folder.Database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--seed", run.Stderr);
    }

    [Fact]
    public async Task Piped_input_plays_a_call_with_slash_commands()
    {
        var run = await _folder.RunWithInputAsync("I'm sorry, that sounds awful.\n/help\n/transfer\n",
            "practice", "--persona", "stressed-traveler", "--seed", "3", "--db", _folder.Database);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("/hangup", run.Stdout);
        Assert.Contains("(escalated)", run.Stdout);
        Assert.Contains("simcaller debrief", run.Stdout);
        Assert.Equal(2, SimCallerProcess.Lines(run.Stdout).Count(l => l.StartsWith("Customer (", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Killing_the_process_mid_call_keeps_every_completed_turn()
    {
        using var run = SimCallerProcess.Start(_folder.Path, "practice", "--persona", "stressed-traveler", "--seed", "5", "--db", _folder.Database);
        static bool IsCustomer(string line) => line.StartsWith("Customer (", StringComparison.Ordinal);
        await run.WaitForLinesAsync(IsCustomer, 1);

        var lines = Scripts.Skilful["stressed-traveler"][0];
        for (var i = 0; i < 3; i++)
        {
            await run.WriteLineAsync(lines[i]);
            await run.WaitForLinesAsync(IsCustomer, i + 2);
        }
        run.Kill();

        using var connection = new SqliteConnection($"Data Source={_folder.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM turns";
        Assert.Equal(1 + 3 * 2, Convert.ToInt32(command.ExecuteScalar()));
        command.CommandText = "SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL";
        Assert.Equal(1, Convert.ToInt32(command.ExecuteScalar()));
    }

    private async Task<JsonElement> PracticeJsonAsync(string personaId, string[] script)
    {
        var file = _folder.File($"{personaId}-{Guid.NewGuid():N}.txt", string.Join('\n', script) + "\n");
        var run = await _folder.RunAsync("practice", "--persona", personaId, "--seed", "7", "--script", file, "--json", "--db", _folder.Database);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\nstderr:\n{run.Stderr}");
        // The whole of stdout is one JSON document: parsing fails on any stray line.
        using var document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.Clone();
    }

    private static int FinalAnger(JsonElement document) => document.GetProperty("turns").EnumerateArray().Last().GetProperty("anger").GetInt32();

    private static double Score(JsonElement document) => document.GetProperty("debrief").GetProperty("score").GetDouble();
}
