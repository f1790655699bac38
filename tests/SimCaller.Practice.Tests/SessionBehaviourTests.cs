using SimCaller.Core.Calls;

namespace SimCaller.Practice.Tests;

public class SessionBehaviourTests : IDisposable
{
    private readonly PracticeHarness _harness = new();

    private PracticeService Service => _harness.Service;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Starting_a_call_stores_the_session_and_the_customer_opening_line()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", "hard", 42, Channel: "phone", ExternalRef: "CA123"));

        Assert.Equal("Dana Whitfield", started.PersonaName);
        Assert.Equal("hard", started.Difficulty);
        Assert.Equal(42, started.Seed);
        Assert.False(string.IsNullOrWhiteSpace(started.OpeningLine));
        var info = await Service.FindByExternalRefAsync("CA123");
        Assert.NotNull(info);
        Assert.Equal(started.SessionId, info.SessionId);
        Assert.Equal(_harness.Time.GetUtcNow(), info.StartedAt);
        Assert.Equal(CallOutcome.InProgress, info.Outcome);
        Assert.Equal(started.Anger, info.Anger);
        var transcript = await Service.GetTranscriptAsync(started.SessionId);
        Assert.Equal(started.OpeningLine, Assert.Single(transcript.Turns).Text);
    }

    [Fact]
    public async Task Silence_is_a_turn_the_customer_reacts_to_and_too_much_of_it_ends_the_call()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 5));

        var first = await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("   "));

        Assert.False(string.IsNullOrWhiteSpace(first.CustomerLine));
        Assert.True(first.Anger >= started.Anger);
        var stored = (await Service.GetTranscriptAsync(started.SessionId)).TraineeTurns.Single();
        Assert.True(stored.Events.HasFlag(CallEvents.Silence));
        Assert.Equal("", stored.Text);

        var result = first;
        for (var i = 0; i < 5 && !result.IsOver; i++)
        {
            result = await Service.TakeTurnAsync(started.SessionId, new TraineeTurn(""));
        }
        Assert.Equal(CallOutcome.HungUp, result.Outcome);
    }

    [Fact]
    public async Task Leaving_mid_call_saves_an_abandoned_call_with_a_partial_debrief()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 9));
        await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm so sorry, a cancelled flight before a wedding is awful."));

        var ended = await Service.EndAsync(started.SessionId, EndReason.Abandoned);

        Assert.Equal(CallOutcome.Abandoned, ended.Outcome);
        Assert.NotEmpty(ended.Debrief.Criteria);
        var byToken = await Service.FindDebriefByTokenAsync(ended.DebriefToken);
        Assert.NotNull(byToken);
        Assert.Equal(started.SessionId, byToken.SessionId);
        Assert.Equal(ended.Debrief.Score, byToken.Debrief.Score);
        var info = await Service.FindAsync(started.SessionId);
        Assert.True(info!.IsOver);
        Assert.Equal(CallOutcome.Abandoned, info.Outcome);
        Assert.Equal(3, info.TurnCount);
    }

    [Fact]
    public async Task Ending_twice_returns_the_same_stored_result()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 9));

        var first = await Service.EndAsync(started.SessionId, EndReason.Abandoned);
        var second = await Service.EndAsync(started.SessionId, EndReason.Transferred);

        Assert.Equal(first.DebriefToken, second.DebriefToken);
        Assert.Equal(CallOutcome.Abandoned, second.Outcome);
        Assert.Equal(first.Debrief.Score, second.Debrief.Score);
        Assert.Equal(1, _harness.CountRows("SELECT COUNT(*) FROM debriefs"));
    }

    [Fact]
    public async Task Saying_you_will_transfer_the_call_escalates_it_and_closes_the_session()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 11));

        var result = await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm putting you through to my manager now."));

        Assert.Equal(CallOutcome.Escalated, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.CustomerLine));
        var info = await Service.FindAsync(started.SessionId);
        Assert.Equal(CallOutcome.Escalated, info!.Outcome);
        Assert.NotNull(info.Score);
        await Assert.ThrowsAsync<SessionEndedException>(() => Service.TakeTurnAsync(started.SessionId, new TraineeTurn("Hello?")));
    }

    [Fact]
    public async Task Offering_a_transfer_is_not_a_transfer()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 11));

        var result = await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("Would you like me to transfer you to my supervisor?"));

        Assert.Equal(CallOutcome.InProgress, result.Outcome);
    }

    [Fact]
    public async Task Ending_an_abusive_call_after_a_clear_warning_is_ended_by_agent()
    {
        var started = await Service.StartAsync(new StartSessionRequest("abusive-caller", Seed: 2));

        await Service.TakeTurnAsync(started.SessionId, new TraineeTurn(
            "I want to help you, but if you keep swearing at me I will end this call."));
        var result = await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("I warned you. I'm ending this call."));

        Assert.Equal(CallOutcome.EndedByAgent, result.Outcome);
        Assert.Equal(CallOutcome.EndedByAgent, (await Service.FindAsync(started.SessionId))!.Outcome);
    }

    [Fact]
    public async Task Hanging_up_on_an_abusive_caller_without_a_warning_is_abandoning_them()
    {
        var started = await Service.StartAsync(new StartSessionRequest("abusive-caller", Seed: 2));

        var result = await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm ending this call."));

        Assert.Equal(CallOutcome.Abandoned, result.Outcome);
    }

    [Fact]
    public async Task A_retried_turn_with_the_same_request_key_is_applied_once()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 21));
        var turn = new TraineeTurn("I'm so sorry, that's an awful way to start a wedding weekend.", RequestKey: "gather-1");

        var first = await Service.TakeTurnAsync(started.SessionId, turn);
        var again = await Service.TakeTurnAsync(started.SessionId, turn);

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.CustomerLine, again.CustomerLine);
        Assert.Equal(first.Anger, again.Anger);
        Assert.Equal(first.Analysis.Techniques, again.Analysis.Techniques);
        Assert.Equal(3, _harness.CountRows("SELECT COUNT(*) FROM turns WHERE session_id = $id", started.SessionId));

        var next = await Service.TakeTurnAsync(started.SessionId, turn with { RequestKey = "gather-2" });
        Assert.False(next.Replayed);
        Assert.Equal(5, _harness.CountRows("SELECT COUNT(*) FROM turns WHERE session_id = $id", started.SessionId));
    }

    [Fact]
    public async Task A_second_service_instance_on_the_same_database_continues_a_call_exactly()
    {
        var script = Scripts.Skilful["stressed-traveler"][0];
        var (_, alone) = await _harness.PlayAsync("stressed-traveler", 77, script);
        var aloneTranscript = await Service.GetTranscriptAsync(alone.SessionId);

        var first = _harness.NewInstance();
        var second = _harness.NewInstance();
        var started = await first.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 77));
        TurnResult? last = null;
        for (var i = 0; i < script.Length && last?.IsOver != true; i++)
        {
            // Alternate instances each turn, as a load balancer would.
            last = await (i % 2 == 0 ? first : second).TakeTurnAsync(started.SessionId, new TraineeTurn(script[i]));
        }
        var shared = await second.GetTranscriptAsync(started.SessionId);

        Assert.Equal(aloneTranscript.Turns.Select(t => (t.Text, t.Anger)), shared.Turns.Select(t => (t.Text, t.Anger)));
        Assert.Equal(alone.Outcome, last!.Outcome);
    }

    [Fact]
    public async Task Every_completed_turn_is_in_the_database_as_soon_as_the_turn_returns()
    {
        var started = await Service.StartAsync(new StartSessionRequest("abusive-caller", Seed: 4));
        Assert.Equal(1, _harness.CountRows("SELECT COUNT(*) FROM turns WHERE session_id = $id", started.SessionId));

        var lines = Scripts.Skilful["abusive-caller"][1];
        for (var i = 0; i < 3; i++)
        {
            await Service.TakeTurnAsync(started.SessionId, new TraineeTurn(lines[i]));
            Assert.Equal(1 + 2 * (i + 1), _harness.CountRows("SELECT COUNT(*) FROM turns WHERE session_id = $id", started.SessionId));
        }
    }

    [Fact]
    public async Task Call_time_comes_from_the_injected_clock()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 8));
        var startedAt = _harness.Time.GetUtcNow();
        _harness.Time.Advance(TimeSpan.FromMinutes(3));

        await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("Could I have your booking reference?"));

        var transcript = await Service.GetTranscriptAsync(started.SessionId);
        Assert.Equal(startedAt, transcript.StartedAt);
        Assert.Equal(180, transcript.TraineeTurns.Single().Seconds(transcript.StartedAt));
    }

    [Fact]
    public async Task Bad_requests_get_messages_that_say_what_is_known()
    {
        var persona = await Assert.ThrowsAsync<UnknownPersonaException>(() => Service.StartAsync(new StartSessionRequest("grumpy-wizard")));
        Assert.Contains("stressed-traveler", persona.Message);
        Assert.Contains("abusive-caller", persona.Message);

        var level = await Assert.ThrowsAsync<UnknownDifficultyException>(() => Service.StartAsync(new StartSessionRequest("stressed-traveler", "nightmare")));
        Assert.Contains("easy", level.Message);
        Assert.Contains("hard", level.Message);

        await Assert.ThrowsAsync<SessionNotFoundException>(() => Service.TakeTurnAsync("no-such-session", new TraineeTurn("hello")));
        await Assert.ThrowsAsync<SessionNotFoundException>(() => Service.EndAsync("no-such-session", EndReason.Abandoned));
        Assert.Null(await Service.FindAsync("no-such-session"));
        Assert.Null(await Service.FindDebriefByTokenAsync("not-a-token"));
    }

    [Fact]
    public async Task Session_codes_fix_persona_difficulty_and_seed()
    {
        var code = await Service.CreateCodeAsync("abusive-caller", "HARD", null, "  support hires, March  ");

        Assert.Matches("^[0-9]{8}$", code.Code);
        Assert.Equal("hard", code.Difficulty);
        Assert.Equal("support hires, March", code.Label);
        var found = await Service.FindCodeAsync($" {code.Code[..4]}-{code.Code[4..]} ");
        Assert.Equal(code, found);
        Assert.Contains(code, await Service.ListCodesAsync());
        Assert.Null(await Service.FindCodeAsync("00000000x"));
        await Assert.ThrowsAsync<UnknownPersonaException>(() => Service.CreateCodeAsync("nobody", null, null, null));
    }

    [Fact]
    public async Task Sessions_are_listed_newest_first()
    {
        var older = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 1));
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var newer = await Service.StartAsync(new StartSessionRequest("abusive-caller", Seed: 1));

        var listed = await Service.ListSessionsAsync(10);

        Assert.Equal([newer.SessionId, older.SessionId], listed.Select(s => s.SessionId));
        Assert.Single(await Service.ListSessionsAsync(1));
    }
}
