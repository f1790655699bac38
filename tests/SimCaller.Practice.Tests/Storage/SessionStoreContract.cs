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
    /// A fresh, empty database, as a function that opens one more store instance on it each call.
    /// An engine that cannot be tested here skips the test (see Requires).
    /// </summary>
    protected abstract Task<Func<ISessionStore>> NewDatabaseAsync();

    [SkippableFact]
    public async Task A_created_session_is_found_with_its_opening_line()
    {
        var open = await NewDatabaseAsync();
        var store = open();
        var session = Session("s-1", T0.ToOffset(TimeSpan.FromHours(2)), externalRef: "CA123", trainee: "Sam");

        await store.CreateSessionAsync(session, Opening(session.StartedAt));

        Assert.Equal(session, await store.FindSessionAsync("s-1"));
        var opening = Assert.Single(await store.GetTurnsAsync("s-1"));
        AssertTurn(Opening(session.StartedAt), opening);
    }

    [SkippableFact]
    public async Task What_was_never_stored_is_not_found()
    {
        var open = await NewDatabaseAsync();
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

    [SkippableFact]
    public async Task An_external_reference_starts_one_session_and_a_second_start_writes_nothing()
    {
        var open = await NewDatabaseAsync();
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

    [SkippableFact]
    public async Task Concurrent_starts_with_one_external_reference_from_two_instances_store_one_session()
    {
        var open = await NewDatabaseAsync();
        ISessionStore[] instances = [open(), open()];
        await WarmUpAsync(instances, 8);

        var created = await AllAtOnceAsync(8, i =>
            instances[i % 2].CreateSessionAsync(Session($"s-{i}", T0.AddSeconds(i), externalRef: "CA-race"), Opening(T0)));

        Assert.Equal(1, created.Count(c => c));
        var winner = Array.IndexOf(created, true);
        Assert.Equal($"s-{winner}", (await instances[1].FindSessionByExternalRefAsync("CA-race"))?.Id);
        Assert.Equal([$"s-{winner}"], (await instances[0].ListSessionsAsync(100)).Select(s => s.Id));
    }

    [SkippableFact]
    public async Task Appended_turns_come_back_in_call_order_and_move_the_session_on()
    {
        var open = await NewDatabaseAsync();
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

    [SkippableFact]
    public async Task An_append_against_a_stale_turn_count_writes_nothing()
    {
        var open = await NewDatabaseAsync();
        var store = open();
        await CreateAsync(store, Session("s-1", T0));
        await store.AppendTurnsAsync("s-1", 1, Exchange(2), "mood-after-2", "k1", "r1");

        var stale = await store.AppendTurnsAsync("s-1", 1, Exchange(2), "stale-mood", "k2", "r2");

        Assert.Equal(AppendResult.Conflict, stale);
        Assert.Equal(3, (await store.GetTurnsAsync("s-1")).Count);
        Assert.Equal("mood-after-2", (await store.FindSessionAsync("s-1"))!.MoodSnapshot);
        Assert.Null(await store.FindTurnResultAsync("s-1", "k2"));
    }

    [SkippableFact]
    public async Task An_append_to_an_ended_or_unknown_session_writes_nothing()
    {
        var open = await NewDatabaseAsync();
        var store = open();
        await CreateAsync(store, Session("s-1", T0));
        await EndAsync(store, "s-1", CallOutcome.Abandoned, T0.AddMinutes(1), Debrief("s-1", "tok-1", 10));

        Assert.Equal(AppendResult.Conflict, await store.AppendTurnsAsync("s-1", 1, Exchange(2), "m", "k", "r"));
        Assert.Equal(AppendResult.Conflict, await store.AppendTurnsAsync("ghost", 1, Exchange(2), "m", "k", "r"));
        Assert.Single(await store.GetTurnsAsync("s-1"));
        Assert.Empty(await store.GetTurnsAsync("ghost"));
    }

    [SkippableFact]
    public async Task A_repeated_request_key_is_reported_and_the_first_result_kept()
    {
        var open = await NewDatabaseAsync();
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

    [SkippableFact]
    public async Task Concurrent_posts_of_one_turn_from_two_instances_apply_it_once()
    {
        var open = await NewDatabaseAsync();
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

    [SkippableFact]
    public async Task Concurrent_different_turns_from_two_instances_let_exactly_one_through()
    {
        var open = await NewDatabaseAsync();
        ISessionStore[] instances = [open(), open()];
        await CreateAsync(instances[0], Session("s-1", T0));
        await WarmUpAsync(instances, 8);

        var results = await AllAtOnceAsync(8, i =>
            instances[i % 2].AppendTurnsAsync("s-1", 1, Exchange(2), $"mood-{i}", $"key-{i}", $"result-{i}"));

        Assert.Equal(1, results.Count(r => r == AppendResult.Appended));
        Assert.Equal(7, results.Count(r => r == AppendResult.Conflict));
        Assert.Equal(3, (await instances[0].GetTurnsAsync("s-1")).Count);
    }

    [SkippableFact]
    public async Task A_second_instance_carries_on_a_call_the_first_started()
    {
        var open = await NewDatabaseAsync();
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

    [SkippableFact]
    public async Task A_session_ends_once_and_keeps_its_first_debrief()
    {
        var open = await NewDatabaseAsync();
        var store = open();
        await CreateAsync(store, Session("s-1", T0));

        Assert.True(await EndAsync(store, "s-1", CallOutcome.Resolved, T0.AddMinutes(3), Debrief("s-1", "tok-first", 81.25)));
        Assert.False(await EndAsync(store, "s-1", CallOutcome.Abandoned, T0.AddMinutes(4), Debrief("s-1", "tok-second", 5)));

        var session = await store.FindSessionAsync("s-1");
        Assert.Equal((CallOutcome.Resolved, T0.AddMinutes(3), 81.25, "tok-first"), (session!.Outcome, session.EndedAt, session.Score, session.DebriefToken));
        Assert.Equal("tok-first", (await store.FindDebriefAsync("s-1"))!.Token);
        Assert.Null(await store.FindDebriefByTokenAsync("tok-second"));
        Assert.False(await EndAsync(store, "ghost", CallOutcome.Abandoned, T0, Debrief("ghost", "tok-ghost", 0)));
    }

    [SkippableFact]
    public async Task Concurrent_ends_from_two_instances_end_the_session_once()
    {
        var open = await NewDatabaseAsync();
        ISessionStore[] instances = [open(), open()];
        await CreateAsync(instances[0], Session("s-1", T0));
        await WarmUpAsync(instances, 8);

        var results = await AllAtOnceAsync(6, i =>
            EndAsync(instances[i % 2], "s-1", CallOutcome.Abandoned, T0.AddMinutes(i), Debrief("s-1", $"tok-{i}", i)));

        var winner = Assert.Single(Enumerable.Range(0, 6), i => results[i]);
        Assert.Equal($"tok-{winner}", (await instances[1].FindDebriefAsync("s-1"))!.Token);
        Assert.Equal(T0.AddMinutes(winner), (await instances[0].FindSessionAsync("s-1"))!.EndedAt);
    }

    [SkippableFact]
    public async Task A_debrief_is_found_by_its_token_with_its_exact_score()
    {
        var open = await NewDatabaseAsync();
        var store = open();
        await CreateAsync(store, Session("s-1", T0));
        var debrief = Debrief("s-1", "Zq8-token_1", 73.35);
        await EndAsync(store, "s-1", CallOutcome.Escalated, T0.AddMinutes(2), debrief);

        Assert.Equal(debrief, await store.FindDebriefByTokenAsync("Zq8-token_1"));
        Assert.Equal(debrief, await store.FindDebriefAsync("s-1"));
        Assert.Null(await store.FindDebriefByTokenAsync("zq8-token_1"));
    }

    [SkippableFact]
    public async Task Codes_are_unique_and_listed_newest_first()
    {
        var open = await NewDatabaseAsync();
        var store = open();
        var older = new SessionCode("123456", "stressed-traveler", "hard", 42, "Monday class", T0);
        var newer = new SessionCode("654321", "abusive-caller", "easy", 7, null, T0.AddHours(1));

        Assert.True(await store.CreateCodeAsync(older));
        Assert.True(await store.CreateCodeAsync(newer));
        Assert.False(await store.CreateCodeAsync(older with { PersonaId = "someone-else", CreatedAt = T0.AddHours(2) }));

        Assert.Equal(older, await store.FindCodeAsync("123456"));
        Assert.Equal([newer, older], await store.ListCodesAsync());
    }

    [SkippableFact]
    public async Task Sessions_are_listed_newest_first_up_to_the_limit()
    {
        var open = await NewDatabaseAsync();
        var store = open();
        foreach (var (id, minutes) in new[] { ("b", 10), ("a", 30), ("d", 0), ("c", 20) })
        {
            await CreateAsync(store, Session(id, T0.AddMinutes(minutes)));
        }
        await EndAsync(store, "c", CallOutcome.Resolved, T0.AddMinutes(25), Debrief("c", "tok-c", 90.5));

        var listed = await store.ListSessionsAsync(3);

        Assert.Equal(["a", "c", "b"], listed.Select(s => s.Id));
        Assert.Equal((90.5, "tok-c"), (listed[1].Score, listed[1].DebriefToken));
        Assert.Equal(["a", "c", "b", "d"], (await store.ListSessionsAsync(100)).Select(s => s.Id));
        Assert.Empty(await store.ListSessionsAsync(0));
    }

    [SkippableFact]
    public async Task A_call_loads_in_one_read_with_every_turn_snapshot_and_its_provenance()
    {
        var open = await NewDatabaseAsync();
        var store = open();
        var session = Session("s-1", T0) with
        {
            PersonaHash = "ph", PersonaYaml = "id: stressed-traveler\n", RubricId = "default", RubricHash = "rh", Analyser = "rules/1", Code = "12345678",
        };
        await store.CreateSessionAsync(session, Opening(T0));
        var exchange = Exchange(2);
        await store.AppendTurnsAsync("s-1", 1, exchange, "unused", "k1", "r1");
        var more = Exchange(4);
        Assert.Equal(AppendResult.Appended, await store.AppendAsync("s-1", new TurnAppend(
            3, [new StoredTurn(more[0], "after-4", 95.5), new StoredTurn(more[1], "after-4")], "after-4", "k2", "r2",
            new CallEnding(CallOutcome.HungUp, T0.AddMinutes(3), Debrief("s-1", "tok-1", 12)))));

        var call = await store.LoadCallAsync("s-1", "k1");

        Assert.NotNull(call);
        Assert.Equal(session with { EndedAt = T0.AddMinutes(3), Outcome = CallOutcome.HungUp, MoodSnapshot = "after-4", TurnCount = 5, Anger = 50, Mood = "frustrated", Score = 12, DebriefToken = "tok-1" }, call.Session);
        Assert.Equal([1, 2, 3, 4, 5], call.Turns.Select(t => t.Turn.Number));
        Assert.Equal([session.MoodSnapshot, null, null, "after-4", "after-4"], call.Turns.Select(t => t.MoodSnapshot));
        Assert.Equal([null, null, null, 95.5, null], call.Turns.Select(t => t.HoldSeconds));
        Assert.Equal("r1", call.RequestResult);
        Assert.Null((await store.LoadCallAsync("s-1", "other"))!.RequestResult);
        Assert.Null((await store.LoadCallAsync("s-1"))!.RequestResult);
        Assert.Null(await store.LoadCallAsync("ghost"));
        Assert.Equal(12, (await store.FindDebriefAsync("s-1"))!.Score);
        // Ended in that same write: nothing more goes on.
        Assert.Equal(AppendResult.Conflict, await store.AppendTurnsAsync("s-1", 5, Exchange(6), "m", null, null));
    }

    [SkippableFact]
    public async Task Sessions_are_queried_with_filters_paging_and_a_total()
    {
        var open = await NewDatabaseAsync();
        var store = open();
        await store.CreateSessionAsync(Session("a", T0, trainee: "ann") with { Code = "111" }, Opening(T0));
        await store.CreateSessionAsync(Session("b", T0.AddDays(1), trainee: "bob") with { Code = "111", Difficulty = "easy", PersonaYaml = "yaml" }, Opening(T0));
        await store.CreateSessionAsync(Session("c", T0.AddDays(2), trainee: "ann") with { PersonaId = "abusive-caller" }, Opening(T0));
        await EndAsync(store, "a", CallOutcome.Resolved, T0.AddHours(1), Debrief("a", "tok-a", 80));
        await EndAsync(store, "b", CallOutcome.HungUp, T0.AddDays(1).AddHours(1), Debrief("b", "tok-b", 20));

        async Task<string[]> Ids(SessionQuery query) => (await store.QuerySessionsAsync(query)).Sessions.Select(s => s.Id).ToArray();

        Assert.Equal(["c", "b", "a"], await Ids(new SessionQuery()));
        Assert.Equal(["b", "a"], await Ids(new SessionQuery(Code: "111")));
        Assert.Equal(["c"], await Ids(new SessionQuery(PersonaId: "abusive-caller")));
        Assert.Equal(["b"], await Ids(new SessionQuery(Difficulty: "easy")));
        Assert.Equal(["c", "a"], await Ids(new SessionQuery(Trainee: "ann")));
        Assert.Equal(["b"], await Ids(new SessionQuery(Outcome: CallOutcome.HungUp)));
        Assert.Equal(["c"], await Ids(new SessionQuery(Outcome: CallOutcome.InProgress)));
        Assert.Equal(["b"], await Ids(new SessionQuery(From: T0.AddHours(12), To: T0.AddDays(2))));
        Assert.Equal(["a"], await Ids(new SessionQuery(MinScore: 50)));
        Assert.Equal(["b"], await Ids(new SessionQuery(MaxScore: 50)));
        Assert.Equal(["b", "a"], await Ids(new SessionQuery(MinScore: 20, MaxScore: 80)));
        var page = await store.QuerySessionsAsync(new SessionQuery(Offset: 1, Limit: 1));
        Assert.Equal(["b"], page.Sessions.Select(s => s.Id));
        Assert.Equal(3, page.Total);
        Assert.Null(page.Sessions[0].PersonaYaml); // listings leave the persona copy out
        Assert.Equal("yaml", (await store.FindSessionAsync("b"))!.PersonaYaml);
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

    /// <summary>Ends a session that holds only its opening line, as the service's last write does; true when this ended it.</summary>
    private static async Task<bool> EndAsync(ISessionStore store, string sessionId, CallOutcome outcome, DateTimeOffset endedAt, DebriefRecord debrief) =>
        await store.AppendAsync(sessionId, new TurnAppend(1, [], $"ended-{outcome.ToId()}", Ending: new CallEnding(outcome, endedAt, debrief)))
            == AppendResult.Appended;

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
