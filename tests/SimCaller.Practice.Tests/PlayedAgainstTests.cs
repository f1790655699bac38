using SimCaller.Core.Calls;
using SimCaller.Practice.Storage;

namespace SimCaller.Practice.Tests;

/// <summary>Issue 11: a session remembers what it was played against, and a persona edited later changes none of it.</summary>
public class PlayedAgainstTests : IDisposable
{
    private readonly string _personas;
    private readonly string _original;
    private readonly PracticeHarness _harness;

    public PlayedAgainstTests()
    {
        var source = Path.Combine(RepositoryRoot(), "personas", "stressed-traveler.yaml");
        _original = File.ReadAllText(source);
        _personas = Directory.CreateTempSubdirectory("simcaller-personas-").FullName;
        File.WriteAllText(PersonaFile, _original);
        _harness = new PracticeHarness(new Dictionary<string, string?> { ["Personas:Path"] = _personas });
    }

    private string PersonaFile => Path.Combine(_personas, "stressed-traveler.yaml");

    public void Dispose()
    {
        _harness.Dispose();
        Directory.Delete(_personas, recursive: true);
    }

    [Fact]
    public async Task A_session_records_the_persona_copy_and_hash_rubric_analyser_code_channel_and_trainee()
    {
        var started = await _harness.Service.StartAsync(new StartSessionRequest(
            "stressed-traveler", "hard", 21, Channel: "phone", Trainee: "+15550001", ExternalRef: "CA9", Code: "12345678"));

        var info = (await _harness.Service.FindAsync(started.SessionId))!;
        var call = (await _harness.Service.FindCallAsync(started.SessionId))!;

        Assert.Equal(_original, call.Session.PersonaYaml);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_original))), info.PersonaHash);
        Assert.Equal(("hard", 21, "phone", "+15550001", "12345678"), (info.Difficulty, info.Seed, info.Channel, info.Trainee, info.Code));
        Assert.Equal("default", info.RubricId);
        Assert.Matches("^[0-9a-f]{64}$", info.RubricHash);
        Assert.Equal(_harness.Get<SimCaller.Core.Techniques.ITurnAnalyzer>().Version, info.Analyser);
        Assert.StartsWith("rules", info.Analyser);

        var ended = await _harness.Service.EndAsync(started.SessionId, EndReason.Abandoned);
        Assert.Equal((info.PersonaHash, info.RubricHash, "12345678", "phone"), (ended.Debrief.PersonaHash, ended.Debrief.RubricHash, ended.Debrief.Code, ended.Debrief.Channel));
    }

    [Fact]
    public async Task A_persona_edited_mid_call_changes_neither_the_rest_of_that_call_nor_its_review()
    {
        const string line = "I'm so sorry, a cancelled flight right before your sister's wedding is awful.";
        var before = _harness.Service;
        var inProgress = await before.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 31));
        var control = await before.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 31));
        _harness.Time.Advance(TimeSpan.FromSeconds(20));
        var expected = await before.TakeTurnAsync(control.SessionId, new TraineeTurn(line));
        var expectedEnd = await before.EndAsync(control.SessionId, EndReason.Abandoned);

        // A trainer makes empathy enrage this customer and renames them; a restarted server reads the new file.
        var edited = _original.Replace("  empathy: -8", "  empathy: 30").Replace("name: Dana Whitfield", "name: Someone Else");
        Assert.NotEqual(_original, edited);
        File.WriteAllText(PersonaFile, edited);
        var after = _harness.NewInstance();

        var continued = await after.TakeTurnAsync(inProgress.SessionId, new TraineeTurn(line));
        var ended = await after.EndAsync(inProgress.SessionId, EndReason.Abandoned);
        var fresh = await after.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 31));
        var freshTurn = await after.TakeTurnAsync(fresh.SessionId, new TraineeTurn(line));

        Assert.Equal((expected.Anger, expected.CustomerLine), (continued.Anger, continued.CustomerLine));
        Assert.Equal(expectedEnd.Debrief.Score, ended.Debrief.Score);
        Assert.Equal(expectedEnd.Debrief.PersonaHash, ended.Debrief.PersonaHash);
        Assert.Equal("Dana Whitfield", after.EngineFor((await after.FindCallAsync(inProgress.SessionId))!.Session).Persona.Name);
        // The edit is real: a session started after it meets the edited customer.
        Assert.True(freshTurn.Anger > continued.Anger);
        Assert.NotEqual(ended.Debrief.PersonaHash, (await after.FindAsync(fresh.SessionId))!.PersonaHash);
    }

    [Fact]
    public async Task Sessions_are_queried_by_persona_difficulty_code_outcome_trainee_dates_and_score_with_paging_and_a_total()
    {
        var service = _harness.Service;
        async Task<string> Play(string difficulty, string? code, string? trainee, EndReason? end)
        {
            var started = await service.StartAsync(new StartSessionRequest("stressed-traveler", difficulty, 5, Trainee: trainee, Code: code));
            if (end is { } reason)
            {
                await service.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm so sorry, that sounds awful. Let me look at flights for you."));
                await service.EndAsync(started.SessionId, reason);
            }
            _harness.Time.Advance(TimeSpan.FromHours(1));
            return started.SessionId;
        }
        var day1 = _harness.Time.GetUtcNow();
        var a = await Play("easy", "11112222", "ann", EndReason.Transferred);
        var b = await Play("hard", "11112222", "bob", EndReason.Abandoned);
        _harness.Time.Advance(TimeSpan.FromDays(1));
        var c = await Play("hard", null, "ann", null);
        var d = await Play("standard", "33334444", "bob", EndReason.Abandoned);

        async Task<string[]> Ids(SessionQuery query) => (await service.QuerySessionsAsync(query)).Sessions.Select(s => s.SessionId).ToArray();

        Assert.Equal([d, c, b, a], await Ids(new SessionQuery()));
        Assert.Equal([b, a], await Ids(new SessionQuery(Code: "11112222")));
        Assert.Equal([c, b], await Ids(new SessionQuery(Difficulty: "hard")));
        Assert.Equal([c, a], await Ids(new SessionQuery(Trainee: "ann")));
        Assert.Equal([d, b], await Ids(new SessionQuery(Outcome: CallOutcome.Abandoned)));
        Assert.Equal([c], await Ids(new SessionQuery(Outcome: CallOutcome.InProgress)));
        Assert.Equal([b, a], await Ids(new SessionQuery(From: day1, To: day1.AddDays(1))));
        Assert.Equal([d, c], await Ids(new SessionQuery(From: day1.AddDays(1))));
        Assert.Empty(await Ids(new SessionQuery(PersonaId: "abusive-caller")));

        var scores = (await service.QuerySessionsAsync(new SessionQuery())).Sessions.Where(s => s.Score is not null).Select(s => s.Score!.Value).Order().ToArray();
        Assert.Equal(3, scores.Length);
        var atLeast = await Ids(new SessionQuery(MinScore: scores[1]));
        var atMost = await Ids(new SessionQuery(MaxScore: scores[1]));
        Assert.Equal(scores.Count(x => x >= scores[1]), atLeast.Length);
        Assert.Equal(scores.Count(x => x <= scores[1]), atMost.Length);
        Assert.DoesNotContain(c, atLeast.Concat(atMost)); // no debrief, no score
        Assert.Empty(await Ids(new SessionQuery(MinScore: scores[2] + 0.5)));

        var page = await service.QuerySessionsAsync(new SessionQuery(Offset: 1, Limit: 2));
        Assert.Equal([c, b], page.Sessions.Select(s => s.SessionId));
        Assert.Equal((4, 1, 2), (page.Total, page.Offset, page.Limit));
        var filteredPage = await service.QuerySessionsAsync(new SessionQuery(Trainee: "bob", Limit: 1));
        Assert.Equal((2, d), (filteredPage.Total, filteredPage.Sessions.Single().SessionId));
    }

    [Fact]
    public async Task Bad_query_values_are_refused_with_a_message()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Service.QuerySessionsAsync(new SessionQuery(Offset: -1)));
        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Service.QuerySessionsAsync(new SessionQuery(Limit: 0)));
        var now = DateTimeOffset.UtcNow;
        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Service.QuerySessionsAsync(new SessionQuery(From: now, To: now.AddDays(-1))));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SimCaller.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
