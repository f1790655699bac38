using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Practice;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Postgres;
using SimCaller.Storage.Sqlite;

namespace SimCaller.Api.Tests;

/// <summary>
/// Twilio posts a call's start again when the first post was slow, sometimes while the first is still
/// running. However the posts interleave, one call is one session, and every copy gets the same answer.
/// The store makes the copies' lookups wait for each other, so they really do race past "no session yet".
/// </summary>
public sealed class DuplicateWebhookTests : IDisposable
{
    private const string TravelerLine = "+15557770001";
    private const string MenuLine = "+15557770999";
    private const int Copies = 3;

    private readonly TempDatabase _db = new();
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) owned.Dispose();
        _db.Dispose();
    }

    private (SimCallerApp App, ControllableStore Store) App(ISessionStore? engine = null, IDictionary<string, string?>? settings = null)
    {
        var store = new ControllableStore(engine ?? new SqliteSessionStore(_db.Path));
        var all = new Dictionary<string, string?> { [$"Twilio:Numbers:{TravelerLine}"] = "stressed-traveler" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var app = new SimCallerApp(_db.Path, all, store.Register);
        _owned.Add(app);
        return (app, store);
    }

    private static async Task<IReadOnlyList<SessionInfo>> SessionsOf(SimCallerApp app, TwilioCallSimulator call) =>
        (await app.Services.GetRequiredService<PracticeService>().ListSessionsAsync(1000)).Where(s => s.ExternalRef == call.CallSid).ToList();

    private static void AssertAllAlike((HttpStatusCode Status, string Body)[] answers)
    {
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
    }

    [Fact]
    public async Task Concurrent_first_webhooks_of_one_call_start_one_session_and_get_the_same_answer()
    {
        var (app, store) = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: TravelerLine);

        store.RaceNextLookups(Copies);
        var answers = await call.PostConcurrentlyAsync("/twilio/voice", call.CallForm("ringing"), Copies);

        AssertAllAlike(answers);
        var session = Assert.Single(await SessionsOf(app, call));
        // A later copy gets the same answer again, and the call carries on on that one session.
        using (var late = await call.SendAsync("/twilio/voice", call.CallForm("ringing")))
            Assert.Equal(answers[0].Body, await late.Content.ReadAsStringAsync());
        await call.DialAsync();
        await call.SayAsync("i'm so sorry, that sounds really stressful");
        Assert.Contains("n=2", (string?)call.Gather?.Attribute("action"));
        Assert.Equal(3, Assert.Single(await SessionsOf(app, call)).TurnCount);
        Assert.Equal(session.SessionId, (await SessionsOf(app, call))[0].SessionId);
    }

    [Fact]
    public async Task Concurrent_menu_choices_of_one_call_start_one_session_and_get_the_same_answer()
    {
        var (app, store) = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: MenuLine);
        await call.DialAsync();
        var menu = (string)call.Gather!.Attribute("action")!;
        var form = call.CallForm("in-progress");
        form["Digits"] = "1";

        store.RaceNextLookups(Copies);
        var answers = await call.PostConcurrentlyAsync(menu, form, Copies);

        AssertAllAlike(answers);
        Assert.Single(await SessionsOf(app, call));
        using var late = await call.SendAsync(menu, form);
        Assert.Equal(answers[0].Body, await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Concurrent_session_code_entries_of_one_call_start_one_session_and_get_the_same_answer()
    {
        var (app, store) = App();
        var code = await app.Services.GetRequiredService<PracticeService>().CreateCodeAsync("abusive-caller", "hard", 4711, "retries");
        var call = new TwilioCallSimulator(app.CreateClient(), to: MenuLine);
        await call.DialAsync();
        await call.PressAsync("9");
        var codeEntry = (string)call.Gather!.Attribute("action")!;
        var form = call.CallForm("in-progress");
        form["Digits"] = code.Code;

        store.RaceNextLookups(Copies);
        var answers = await call.PostConcurrentlyAsync(codeEntry, form, Copies);

        AssertAllAlike(answers);
        var session = Assert.Single(await SessionsOf(app, call));
        Assert.Equal(("abusive-caller", "hard", 4711), (session.PersonaId, session.Difficulty, session.Seed));
    }

    [PostgresFact]
    public async Task On_postgres_concurrent_first_webhooks_start_one_session_and_get_the_same_answer()
    {
        var engine = new PostgresSessionStore(PostgresFactAttribute.ConnectionString!);
        _owned.Add(engine);
        var (app, store) = App(engine, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = PostgresFactAttribute.ConnectionString,
        });
        var call = new TwilioCallSimulator(app.CreateClient(), to: TravelerLine);

        store.RaceNextLookups(Copies);
        var answers = await call.PostConcurrentlyAsync("/twilio/voice", call.CallForm("ringing"), Copies);

        AssertAllAlike(answers);
        Assert.Single(await SessionsOf(app, call));
    }
}
