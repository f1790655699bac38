using System.Text.Json;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Mood;
using SimCaller.Practice.Engine;
using SimCaller.Practice.Storage;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Storage.Sqlite;

namespace SimCaller.Practice.Tests;

/// <summary>Issue 11: one engine for every channel, endings through the machine, per-turn snapshots, one read and one write per turn.</summary>
public class EngineBehaviourTests : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly PracticeHarness _harness = new();

    private PracticeService Service => _harness.Service;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task The_turn_that_ends_the_call_carries_its_debrief_and_the_call_is_already_over_in_the_store()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 3));
        _harness.Time.Advance(TimeSpan.FromSeconds(20));

        var result = await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm putting you through to my manager now."));

        Assert.Equal(CallOutcome.Escalated, result.Outcome);
        var ended = Assert.IsType<SessionEnded>(result.Ended);
        Assert.Equal(CallOutcome.Escalated, ended.Debrief.Outcome);
        var info = await Service.FindAsync(started.SessionId);
        Assert.True(info!.IsOver);
        Assert.Equal(ended.DebriefToken, info.DebriefToken);
        Assert.Equal(ended.Debrief.Score, (await Service.FindDebriefAsync(started.SessionId))!.Debrief.Score);
        // Ending it again is idempotent: the same debrief of record.
        Assert.Equal(ended.DebriefToken, (await Service.EndAsync(started.SessionId, EndReason.Completed)).DebriefToken);
    }

    [Fact]
    public async Task A_turn_in_the_middle_of_a_call_carries_no_ending()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 3));

        var result = await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm so sorry, that sounds awful."));

        Assert.False(result.IsOver);
        Assert.Null(result.Ended);
    }

    [Theory]
    [InlineData(EndReason.CustomerHungUp, CallOutcome.HungUp, "hung_up")]
    [InlineData(EndReason.AgentHungUp, CallOutcome.Abandoned, "abandoned")]
    [InlineData(EndReason.Transferred, CallOutcome.Escalated, "escalated")]
    [InlineData(EndReason.TimeUp, CallOutcome.TimeLimit, "time_limit")]
    [InlineData(EndReason.Abandoned, CallOutcome.Abandoned, "abandoned")]
    public async Task An_ending_from_outside_the_conversation_leaves_a_final_snapshot_that_says_the_call_is_over(
        EndReason reason, CallOutcome outcome, string state)
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 8));
        await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("Let me look into that for you."));

        var ended = await Service.EndAsync(started.SessionId, reason);

        Assert.Equal(outcome, ended.Outcome);
        var call = await Service.FindCallAsync(started.SessionId);
        var final = JsonSerializer.Deserialize<MoodSnapshot>(call!.Session.MoodSnapshot, Web)!;
        Assert.Equal(state, final.State);
        Assert.Equal(outcome, call.Session.Outcome);
        Assert.True(Service.EngineFor(call.Session).IsOver(final));
    }

    [Fact]
    public async Task A_call_the_customer_ends_by_hanging_up_stores_a_final_snapshot_that_is_over()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 5));
        TurnResult result = null!;
        for (var i = 0; i < 8; i++)
        {
            result = await Service.TakeTurnAsync(started.SessionId, new TraineeTurn(""));
            if (result.IsOver) break;
        }

        Assert.Equal(CallOutcome.HungUp, result.Outcome);
        var call = await Service.FindCallAsync(started.SessionId);
        Assert.Equal("hung_up", JsonSerializer.Deserialize<MoodSnapshot>(call!.Session.MoodSnapshot, Web)!.State);
        Assert.Equal("hung_up", JsonSerializer.Deserialize<MoodSnapshot>(call.Turns[^1].MoodSnapshot!, Web)!.State);
    }

    [Fact]
    public async Task Every_turn_is_stored_with_the_snapshot_after_it_so_a_replay_from_any_turn_reproduces_the_rest_of_the_call()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", "standard", 17));
        string[] script =
        [
            "I'm so sorry, a cancelled flight the night before a wedding is awful.",
            "",
            "That's our policy, there's nothing I can do.",
            "So you need to be in Denver before nine tomorrow morning, is that right?",
            "Calm down, it's not that bad.",
            "I can book you on the 6:40 flight tomorrow morning, it lands at 8:15 in Denver.",
        ];
        foreach (var line in script)
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(25));
            if ((await Service.TakeTurnAsync(started.SessionId, new TraineeTurn(line))).IsOver) break;
        }

        var call = (await Service.FindCallAsync(started.SessionId))!;
        Assert.All(call.Turns, t => Assert.False(string.IsNullOrEmpty(t.MoodSnapshot)));
        var engine = Service.EngineFor(call.Session);
        var traineeIndexes = Enumerable.Range(0, call.Turns.Count).Where(i => call.Turns[i].Turn.Speaker == Speaker.Trainee).ToArray();
        Assert.True(traineeIndexes.Length >= 4);
        foreach (var from in traineeIndexes)
        {
            // Restore the state before trainee turn N and apply the stored inputs from there on.
            var state = Snapshot(call.Turns[from - 1].MoodSnapshot!);
            foreach (var i in traineeIndexes.Where(i => i >= from))
            {
                var stored = call.Turns[i];
                var line = TurnEngine.Read(stored.Turn.Text, stored.Turn.Events, stored.HoldSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
                var step = engine.Step(state, line, new UtteranceAnalysis(stored.Turn.Text, stored.Turn.Techniques),
                    stored.Turn.At - call.Session.StartedAt, call.Transcript.Take(i).ToArray());
                Assert.Equal(stored.MoodSnapshot, JsonSerializer.Serialize(step.After, Web));
                Assert.Equal(stored.Turn.Anger, step.Anger);
                state = step.After;
            }
        }
        Assert.Equal(call.Turns[^1].MoodSnapshot, call.Session.MoodSnapshot);
    }

    [Fact]
    public async Task The_opening_line_keeps_the_state_the_call_started_in()
    {
        var started = await Service.StartAsync(new StartSessionRequest("abusive-caller", Seed: 2));

        var call = (await Service.FindCallAsync(started.SessionId))!;

        var start = Snapshot(call.Turns[0].MoodSnapshot!);
        Assert.Equal((started.Anger, 0), (start.Anger, start.Turn));
        Assert.Equal(JsonSerializer.Serialize(Service.EngineFor(call.Session).Start(), Web), call.Turns[0].MoodSnapshot);
    }

    [Fact]
    public async Task A_normal_turn_is_one_read_and_one_write_and_so_is_the_last()
    {
        CountingStore? counting = null;
        var database = Path.Combine(_harness.Folder, "counted.db");
        using var harness = new PracticeHarness(configure: services => services.AddSingleton<ISessionStore>(sp =>
            counting = new CountingStore(new SqliteSessionStore(database, sp.GetService<TimeProvider>()))));
        var started = await harness.Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 4));

        var before = counting!.Calls;
        await harness.Service.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm so sorry, that sounds awful.", RequestKey: "t1"));
        var normal = counting.Calls - before;
        before = counting.Calls;
        var last = await harness.Service.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm putting you through to my manager now.", RequestKey: "t2"));
        var final = counting.Calls - before;

        Assert.True(last.IsOver);
        Assert.Equal(2, normal);
        Assert.Equal(2, final);
    }

    [Fact]
    public async Task A_retried_last_turn_replays_its_closing_line_with_the_same_debrief()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 3));
        var turn = new TraineeTurn("I'm putting you through to my manager now.", RequestKey: "CA1:1");

        var first = await Service.TakeTurnAsync(started.SessionId, turn);
        var again = await Service.TakeTurnAsync(started.SessionId, turn);

        Assert.True(again.Replayed);
        Assert.Equal(first.CustomerLine, again.CustomerLine);
        Assert.Equal(first.Ended!.DebriefToken, again.Ended!.DebriefToken);
    }

    [Fact]
    public async Task A_line_the_customer_heard_as_a_repeat_is_a_repeat_in_the_debrief_too()
    {
        var started = await Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 14));
        await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("I can see why you're upset about the flight."));

        // Not word for word, but the same line to the customer's ear.
        var again = await Service.TakeTurnAsync(started.SessionId, new TraineeTurn("I can see why you are upset about the flight today."));
        var ended = await Service.EndAsync(started.SessionId, EndReason.Abandoned);

        Assert.Contains(again.Update.Reasons, r => r.StartsWith("repeated line", StringComparison.Ordinal));
        Assert.Contains(ended.Debrief.Criteria, c => c.Summary.Contains("repeated", StringComparison.Ordinal) || c.Summary.Contains("recited", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("hello", false)]
    public void The_silence_rule_lives_in_the_engine(string text, bool silent)
    {
        var line = TurnEngine.Read(text);

        Assert.Equal(silent, line.IsSilence);
        Assert.Equal(!silent, line.NeedsAnalysis);
        Assert.False(TurnEngine.Read("", CallEvents.LongHold).IsSilence);
    }

    private static MoodSnapshot Snapshot(string json) => JsonSerializer.Deserialize<MoodSnapshot>(json, Web)!;
}
