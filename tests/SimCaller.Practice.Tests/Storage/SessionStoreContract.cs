using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Practice.Storage;

namespace SimCaller.Practice.Tests.Storage;

/// <summary>
/// What every <see cref="ISessionStore"/> must do, whatever the engine. Each engine's test class
/// derives from this and says how to open stores; "a second instance" is another store object on the
/// same database, as a second API server would hold.
/// </summary>
public abstract class SessionStoreContract
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 23, 9, 0, 0, 123, TimeSpan.Zero).AddTicks(4567);

    /// <summary>
    /// A fresh, empty database, as a function that opens one more store instance on it each call;
    /// null when this engine cannot be tested here (the test then returns having checked nothing).
    /// </summary>
    protected abstract Task<Func<ISessionStore>?> NewDatabaseAsync();

    [Fact]
    public async Task A_created_session_is_found_with_its_opening_line()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();
        var session = Session("s-1", T0.ToOffset(TimeSpan.FromHours(2)), externalRef: "CA123", trainee: "Sam");

        await store.CreateSessionAsync(session, Opening(session.StartedAt));

        Assert.Equal(session, await store.FindSessionAsync("s-1"));
        var opening = Assert.Single(await store.GetTurnsAsync("s-1"));
        AssertTurn(Opening(session.StartedAt), opening);
    }

    [Fact]
    public async Task What_was_never_stored_is_not_found()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();

        Assert.Null(await store.FindSessionAsync("nope"));
        Assert.Null(await store.FindSessionByExternalRefAsync("CA-nope"));
        Assert.Empty(await store.GetTurnsAsync("nope"));
        Assert.Null(await store.FindTurnResultAsync("nope", "key"));
        Assert.Null(await store.FindDebriefAsync("nope"));
        Assert.Null(await store.FindDebriefByTokenAsync("nope"));
        Assert.Null(await store.FindCodeAsync("000000"));
        Assert.Empty(await store.ListSessionsAsync(10));
        Assert.Empty(await store.ListCodesAsync());
    }

    [Fact]
    public async Task An_external_reference_starts_one_session_and_a_second_start_writes_nothing()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();
        Assert.True(await store.CreateSessionAsync(Session("first", T0, externalRef: "CA-1"), Opening(T0)));

        Assert.False(await store.CreateSessionAsync(Session("second", T0.AddMinutes(5), externalRef: "CA-1"), Opening(T0)));
        Assert.True(await store.CreateSessionAsync(Session("other", T0.AddMinutes(9), externalRef: "CA-2"), Opening(T0)));
        Assert.True(await store.CreateSessionAsync(Session("no-ref", T0.AddMinutes(7)), Opening(T0)));

        Assert.Equal("first", (await store.FindSessionByExternalRefAsync("CA-1"))?.Id);
        Assert.Null(await store.FindSessionAsync("second"));
        Assert.Empty(await store.GetTurnsAsync("second"));
        Assert.Equal(["other", "no-ref", "first"], (await store.ListSessionsAsync(10)).Select(s => s.Id));
    }

    [Fact]
    public async Task Concurrent_starts_with_one_external_reference_from_two_instances_store_one_session()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        ISessionStore[] instances = [open(), open()];
        await WarmUpAsync(instances, 8);

        var created = await AllAtOnceAsync(8, i =>
            instances[i % 2].CreateSessionAsync(Session($"s-{i}", T0.AddSeconds(i), externalRef: "CA-race"), Opening(T0)));

        Assert.Equal(1, created.Count(c => c));
        var winner = Array.IndexOf(created, true);
        Assert.Equal($"s-{winner}", (await instances[1].FindSessionByExternalRefAsync("CA-race"))?.Id);
        Assert.Equal([$"s-{winner}"], (await instances[0].ListSessionsAsync(100)).Select(s => s.Id));
    }

    [Fact]
    public async Task Appended_turns_come_back_in_call_order_and_move_the_session_on()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();
        await CreateAsync(store, Session("s-1", T0));
        TranscriptTurn[] first =
        [
            Turn(2, Speaker.Trainee, "That sounds awful, I'm sorry.", 35, "annoyed",
                [new(Technique.Empathy, "sounds awful"), new(Technique.Apology, "I'm sorry")], CallEvents.TalkOver | CallEvents.RunningLong),
            Turn(3, Speaker.Customer, "Well, it is.", 35, "annoyed"),
        ];
        TranscriptTurn[] second = [Turn(4, Speaker.Trainee, "", 45, "frustrated", [], CallEvents.Silence), Turn(5, Speaker.Customer, "Hello?", 45, "frustrated")];

        Assert.Equal(AppendResult.Appended, await store.AppendTurnsAsync("s-1", 1, first, """{"anger":35}""", null, null));
        Assert.Equal(AppendResult.Appended, await store.AppendTurnsAsync("s-1", 3, second, """{"anger":45}""", null, null));

        var turns = await store.GetTurnsAsync("s-1");
        Assert.Equal([1, 2, 3, 4, 5], turns.Select(t => t.Number));
        AssertTurn(first[0], turns[1]);
        AssertTurn(second[0], turns[3]);
        var session = await store.FindSessionAsync("s-1");
        Assert.Equal((5, 45, "frustrated", """{"anger":45}"""), (session!.TurnCount, session.Anger, session.Mood, session.MoodSnapshot));
    }

    [Fact]
    public async Task An_append_against_a_stale_turn_count_writes_nothing()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();
        await CreateAsync(store, Session("s-1", T0));
        await store.AppendTurnsAsync("s-1", 1, Exchange(2), "mood-after-2", "k1", "r1");

        var stale = await store.AppendTurnsAsync("s-1", 1, Exchange(2), "stale-mood", "k2", "r2");

        Assert.Equal(AppendResult.Conflict, stale);
        Assert.Equal(3, (await store.GetTurnsAsync("s-1")).Count);
        Assert.Equal("mood-after-2", (await store.FindSessionAsync("s-1"))!.MoodSnapshot);
        Assert.Null(await store.FindTurnResultAsync("s-1", "k2"));
    }

    [Fact]
    public async Task An_append_to_an_ended_or_unknown_session_writes_nothing()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();
        await CreateAsync(store, Session("s-1", T0));
        await store.EndSessionAsync("s-1", CallOutcome.Abandoned, T0.AddMinutes(1), Debrief("s-1", "tok-1", 10));

        Assert.Equal(AppendResult.Conflict, await store.AppendTurnsAsync("s-1", 1, Exchange(2), "m", "k", "r"));
        Assert.Equal(AppendResult.Conflict, await store.AppendTurnsAsync("ghost", 1, Exchange(2), "m", "k", "r"));
        Assert.Single(await store.GetTurnsAsync("s-1"));
        Assert.Empty(await store.GetTurnsAsync("ghost"));
    }

    [Fact]
    public async Task A_repeated_request_key_is_reported_and_the_first_result_kept()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();
        await CreateAsync(store, Session("s-1", T0));
        await CreateAsync(store, Session("s-2", T0));
        await store.AppendTurnsAsync("s-1", 1, Exchange(2), "m", "turn-1", """{"reply":"first"}""");

        var repeat = await store.AppendTurnsAsync("s-1", 3, Exchange(4), "m", "turn-1", """{"reply":"second"}""");

        Assert.Equal(AppendResult.DuplicateRequest, repeat);
        Assert.Equal(3, (await store.GetTurnsAsync("s-1")).Count);
        Assert.Equal("""{"reply":"first"}""", await store.FindTurnResultAsync("s-1", "turn-1"));
        // Keys belong to their session.
        Assert.Equal(AppendResult.Appended, await store.AppendTurnsAsync("s-2", 1, Exchange(2), "m", "turn-1", """{"reply":"other"}"""));
    }

    [Fact]
    public async Task Concurrent_posts_of_one_turn_from_two_instances_apply_it_once()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        ISessionStore[] instances = [open(), open()];
        await CreateAsync(instances[0], Session("s-1", T0));
        await WarmUpAsync(instances, 8);

        var results = await AllAtOnceAsync(8, i =>
            instances[i % 2].AppendTurnsAsync("s-1", 1, Exchange(2), $"mood-{i}", "same-key", $"result-{i}"));

        Assert.Equal(1, results.Count(r => r == AppendResult.Appended));
        Assert.Equal(7, results.Count(r => r == AppendResult.DuplicateRequest));
        Assert.Equal(3, (await instances[1].GetTurnsAsync("s-1")).Count);
        var winner = Array.IndexOf(results, AppendResult.Appended);
        Assert.Equal($"result-{winner}", await instances[0].FindTurnResultAsync("s-1", "same-key"));
        Assert.Equal($"mood-{winner}", (await instances[1].FindSessionAsync("s-1"))!.MoodSnapshot);
    }

    [Fact]
    public async Task Concurrent_different_turns_from_two_instances_let_exactly_one_through()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        ISessionStore[] instances = [open(), open()];
        await CreateAsync(instances[0], Session("s-1", T0));
        await WarmUpAsync(instances, 8);

        var results = await AllAtOnceAsync(8, i =>
            instances[i % 2].AppendTurnsAsync("s-1", 1, Exchange(2), $"mood-{i}", $"key-{i}", $"result-{i}"));

        Assert.Equal(1, results.Count(r => r == AppendResult.Appended));
        Assert.Equal(7, results.Count(r => r == AppendResult.Conflict));
        Assert.Equal(3, (await instances[0].GetTurnsAsync("s-1")).Count);
    }

    [Fact]
    public async Task A_second_instance_carries_on_a_call_the_first_started()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var first = open();
        var second = open();
        await CreateAsync(first, Session("s-1", T0));
        await first.AppendTurnsAsync("s-1", 1, Exchange(2), "after-first", "k1", "r1");

        var seen = await second.FindSessionAsync("s-1");
        Assert.Equal(AppendResult.Appended, await second.AppendTurnsAsync("s-1", seen!.TurnCount, Exchange(4), "after-second", "k2", "r2"));

        Assert.Equal([1, 2, 3, 4, 5], (await first.GetTurnsAsync("s-1")).Select(t => t.Number));
        Assert.Equal("after-second", (await first.FindSessionAsync("s-1"))!.MoodSnapshot);
        Assert.Equal(AppendResult.Conflict, await first.AppendTurnsAsync("s-1", 3, Exchange(4), "stale", "k3", "r3"));
        Assert.Equal("r1", await second.FindTurnResultAsync("s-1", "k1"));
    }

    [Fact]
    public async Task A_session_ends_once_and_keeps_its_first_debrief()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();
        await CreateAsync(store, Session("s-1", T0));

        Assert.True(await store.EndSessionAsync("s-1", CallOutcome.Resolved, T0.AddMinutes(3), Debrief("s-1", "tok-first", 81.25)));
        Assert.False(await store.EndSessionAsync("s-1", CallOutcome.Abandoned, T0.AddMinutes(4), Debrief("s-1", "tok-second", 5)));

        var session = await store.FindSessionAsync("s-1");
        Assert.Equal((CallOutcome.Resolved, T0.AddMinutes(3), 81.25, "tok-first"), (session!.Outcome, session.EndedAt, session.Score, session.DebriefToken));
        Assert.Equal("tok-first", (await store.FindDebriefAsync("s-1"))!.Token);
        Assert.Null(await store.FindDebriefByTokenAsync("tok-second"));
        Assert.False(await store.EndSessionAsync("ghost", CallOutcome.Abandoned, T0, Debrief("ghost", "tok-ghost", 0)));
    }

    [Fact]
    public async Task Concurrent_ends_from_two_instances_end_the_session_once()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        ISessionStore[] instances = [open(), open()];
        await CreateAsync(instances[0], Session("s-1", T0));
        await WarmUpAsync(instances, 8);

        var results = await AllAtOnceAsync(6, i =>
            instances[i % 2].EndSessionAsync("s-1", CallOutcome.Abandoned, T0.AddMinutes(i), Debrief("s-1", $"tok-{i}", i)));

        var winner = Assert.Single(Enumerable.Range(0, 6), i => results[i]);
        Assert.Equal($"tok-{winner}", (await instances[1].FindDebriefAsync("s-1"))!.Token);
        Assert.Equal(T0.AddMinutes(winner), (await instances[0].FindSessionAsync("s-1"))!.EndedAt);
    }

    [Fact]
    public async Task A_debrief_is_found_by_its_token_with_its_exact_score()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();
        await CreateAsync(store, Session("s-1", T0));
        var debrief = Debrief("s-1", "Zq8-token_1", 73.35);
        await store.EndSessionAsync("s-1", CallOutcome.Escalated, T0.AddMinutes(2), debrief);

        Assert.Equal(debrief, await store.FindDebriefByTokenAsync("Zq8-token_1"));
        Assert.Equal(debrief, await store.FindDebriefAsync("s-1"));
        Assert.Null(await store.FindDebriefByTokenAsync("zq8-token_1"));
    }

    [Fact]
    public async Task Codes_are_unique_and_listed_newest_first()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();
        var older = new SessionCode("123456", "stressed-traveler", "hard", 42, "Monday class", T0);
        var newer = new SessionCode("654321", "abusive-caller", "easy", 7, null, T0.AddHours(1));

        Assert.True(await store.CreateCodeAsync(older));
        Assert.True(await store.CreateCodeAsync(newer));
        Assert.False(await store.CreateCodeAsync(older with { PersonaId = "someone-else", CreatedAt = T0.AddHours(2) }));

        Assert.Equal(older, await store.FindCodeAsync("123456"));
        Assert.Equal([newer, older], await store.ListCodesAsync());
    }

    [Fact]
    public async Task Sessions_are_listed_newest_first_up_to_the_limit()
    {
        if (await NewDatabaseAsync() is not { } open) return;
        var store = open();
        foreach (var (id, minutes) in new[] { ("b", 10), ("a", 30), ("d", 0), ("c", 20) })
        {
            await CreateAsync(store, Session(id, T0.AddMinutes(minutes)));
        }
        await store.EndSessionAsync("c", CallOutcome.Resolved, T0.AddMinutes(25), Debrief("c", "tok-c", 90.5));

        var listed = await store.ListSessionsAsync(3);

        Assert.Equal(["a", "c", "b"], listed.Select(s => s.Id));
        Assert.Equal((90.5, "tok-c"), (listed[1].Score, listed[1].DebriefToken));
        Assert.Equal(["a", "c", "b", "d"], (await store.ListSessionsAsync(100)).Select(s => s.Id));
        Assert.Empty(await store.ListSessionsAsync(0));
    }

    /// <summary>Starts the calls together, each on its own thread, released at once so they overlap in the database.</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(int count, Func<int, Task<T>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await call(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(calls);
    }

    /// <summary>Opens connections on every instance first, so racing calls meet in the database rather than queue for a connection.</summary>
    private static Task WarmUpAsync(ISessionStore[] instances, int count) =>
        AllAtOnceAsync(count, i => instances[i % instances.Length].FindSessionAsync("warm-up"));

    private static SessionRecord Session(string id, DateTimeOffset startedAt, string? externalRef = null, string? trainee = null) => new(
        id, "stressed-traveler", "Dana Whitfield", "hard", 1234, "terminal", trainee, externalRef, startedAt, null,
        CallOutcome.InProgress, 60, """{"anger":60}""", TurnCount: 1, Anger: 60, Mood: "angry");

    private static TranscriptTurn Opening(DateTimeOffset at) => Turn(1, Speaker.Customer, "My flight was cancelled!", 60, "angry", at: at);

    private static Task CreateAsync(ISessionStore store, SessionRecord session) => store.CreateSessionAsync(session, Opening(session.StartedAt));

    /// <summary>A trainee line and the customer's reply, numbered from <paramref name="number"/>.</summary>
    private static TranscriptTurn[] Exchange(int number) =>
        [Turn(number, Speaker.Trainee, $"line {number}", 50, "frustrated"), Turn(number + 1, Speaker.Customer, $"reply {number + 1}", 50, "frustrated")];

    private static TranscriptTurn Turn(
        int number, Speaker speaker, string text, int anger, string mood,
        TechniqueMatch[]? techniques = null, CallEvents events = CallEvents.None, DateTimeOffset? at = null) =>
        new(number, at ?? T0.AddSeconds(number * 10), speaker, text, anger, mood, techniques ?? [], events);

    private static DebriefRecord Debrief(string sessionId, string token, double score) =>
        new(sessionId, token, T0.AddMinutes(30), score, $"{{\"session\":\"{sessionId}\"}}");

    private static void AssertTurn(TranscriptTurn expected, TranscriptTurn actual)
    {
        Assert.Equal(expected with { Techniques = [] }, actual with { Techniques = [] });
        Assert.Equal(expected.Techniques, actual.Techniques);
    }
}
