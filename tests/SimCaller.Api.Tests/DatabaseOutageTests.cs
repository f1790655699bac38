using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Twilio;
using SimCaller.Core.Calls;
using SimCaller.Practice;
using SimCaller.Storage.Sqlite;

namespace SimCaller.Api.Tests;

/// <summary>
/// The database fails or stops answering in the middle of a call. The caller must never hear Twilio's
/// "application error" (a 500, or no answer within 15 s): the customer says the line broke up, the same
/// step is asked again, and once the database is back the turn is applied exactly once.
/// </summary>
public sealed class DatabaseOutageTests : IDisposable
{
    private const string TravelerLine = "+15557770001";
    private const string Apology = "i'm so sorry, that sounds really stressful";
    private const string Paraphrase = "so you need to be in denver by nine tomorrow morning for the wedding, is that right";
    // The deadline is below the default (3 s) to leave a shared, busy test machine room for the rest of the
    // webhook inside what the caller is promised; Twilio itself gives up after 15 s.
    private const string DeadlineSeconds = "2";
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(5);

    private readonly TempDatabase _db = new();
    private readonly ControllableStore _store;
    private readonly LogEvents _logs = new();
    private readonly SimCallerApp _app;

    public DatabaseOutageTests()
    {
        _store = new ControllableStore(new SqliteSessionStore(_db.Path));
        _app = new SimCallerApp(_db.Path, new Dictionary<string, string?>
        {
            [$"Twilio:Numbers:{TravelerLine}"] = "stressed-traveler",
            ["Twilio:DatabaseTimeoutSeconds"] = DeadlineSeconds,
        }, services =>
        {
            _store.Register(services);
            services.AddSingleton<ILogEventSink>(_logs);
        });
    }

    public void Dispose()
    {
        _store.Thaw();
        _app.Dispose();
        _db.Dispose();
    }

    private TwilioCallSimulator NewCall()
    {
        var http = _app.CreateClient();
        // Before the fix a frozen database left the webhook hanging: fail the test instead of the run.
        http.Timeout = TimeSpan.FromSeconds(20);
        return new TwilioCallSimulator(http, to: TravelerLine);
    }

    private async Task<SessionInfo> SessionOf(TwilioCallSimulator call) =>
        await _app.Services.GetRequiredService<PracticeService>().FindByExternalRefAsync(call.CallSid)
        ?? throw new InvalidOperationException("No session for " + call.CallSid);

    private static void AssertAskedAgain(XElement twiml, string turnAction)
    {
        var gather = twiml.Element("Gather") ?? throw new Xunit.Sdk.XunitException("No <Gather> in " + twiml);
        Assert.Equal(turnAction, (string?)gather.Attribute("action"));
        Assert.Equal("speech", (string?)gather.Attribute("input"));
        Assert.Equal(LineBrokeUp.TurnLine, gather.Element("Say")?.Value);
        Assert.Null(twiml.Element("Hangup"));
    }

    /// <summary>Timed from the moment the database stopped answering, so a slow machine's own work before it does not count.</summary>
    private void AssertAnsweredInTime()
    {
        Assert.NotEqual(0, _store.FirstHeldAt);
        var waited = Stopwatch.GetElapsedTime(_store.FirstHeldAt);
        Assert.True(waited < Promised, $"the caller waited {waited} on a database that did not answer");
    }

    private void AssertLoggedOnceAsAWarning()
    {
        var outage = Assert.Single(_logs.Starting("Database unavailable"));
        Assert.Equal(LogEventLevel.Warning, outage.Level);
        Assert.Null(outage.Exception);
        Assert.DoesNotContain(_logs.All, e => e.Level >= LogEventLevel.Error);
        Assert.Single(_logs.Starting("Database answering again"));
    }

    [Fact]
    public async Task A_database_that_stops_answering_mid_turn_keeps_the_call_and_the_turn_is_applied_once_when_it_is_back()
    {
        var call = NewCall();
        await call.DialAsync();
        await call.SayAsync(Apology);
        var turn = (string)call.Gather!.Attribute("action")!;

        // The turn is read, then its write hangs, as on a frozen server.
        _store.Freeze(operation => operation == "AppendAsync");
        var first = await call.SayAsync(Paraphrase);
        AssertAnsweredInTime();
        AssertAskedAgain(first, turn);

        // Twilio posts the same turn again while the database is still away: the same answer.
        AssertAskedAgain(await call.SayAsync(Paraphrase), turn);
        Assert.Equal(2, _store.HeldCalls);

        // The server comes back and runs the writes it was holding; the turn's next post is its repeat.
        _store.Thaw();
        var answer = await call.SayAsync(Paraphrase);

        Assert.Contains("n=3", (string?)answer.Element("Gather")?.Attribute("action"));
        Assert.DoesNotContain(LineBrokeUp.TurnLine, answer.ToString());
        var transcript = await _app.Services.GetRequiredService<PracticeService>().GetTranscriptAsync((await SessionOf(call)).SessionId);
        Assert.Equal([Speaker.Customer, Speaker.Trainee, Speaker.Customer, Speaker.Trainee, Speaker.Customer], transcript.Turns.Select(t => t.Speaker));
        Assert.Equal(Paraphrase, transcript.Turns[3].Text);
        AssertLoggedOnceAsAWarning();
    }

    [Fact]
    public async Task A_failing_database_never_answers_500_is_logged_once_per_call_and_the_turn_goes_through_afterwards()
    {
        var call = NewCall();
        await call.DialAsync();
        var turn = (string)call.Gather!.Attribute("action")!;

        _store.Fail(_ => true);
        AssertAskedAgain(await call.SayAsync(Apology), turn);
        AssertAskedAgain(await call.SayAsync(Apology), turn);
        using (var status = await call.SendAsync(TwilioPaths.Turn + "?n=1", call.CallForm("in-progress")))
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        _store.Fail(null);
        var answer = await call.SayAsync(Apology);

        Assert.Contains("n=2", (string?)answer.Element("Gather")?.Attribute("action"));
        Assert.Equal(3, (await SessionOf(call)).TurnCount);
        AssertLoggedOnceAsAWarning();
    }

    [Fact]
    public async Task A_frozen_database_when_the_call_comes_in_holds_the_line_then_starts_the_call_once()
    {
        var call = NewCall();
        _store.Freeze();

        using var held = await call.SendAsync(TwilioPaths.Voice, call.CallForm("ringing"));
        AssertAnsweredInTime();
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var twiml = XDocument.Parse(await held.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(LineBrokeUp.HoldLine, twiml.Element("Say")?.Value);
        var again = twiml.Element("Redirect")?.Value;
        Assert.Equal("/twilio/voice?attempt=1&held=1", again);

        _store.Thaw();
        using var opened = await call.SendAsync(again!, call.CallForm("in-progress"));
        var opening = XDocument.Parse(await opened.Content.ReadAsStringAsync()).Root!;

        Assert.Contains("n=1", (string?)opening.Element("Gather")?.Attribute("action"));
        var sessions = (await _app.Services.GetRequiredService<PracticeService>().ListSessionsAsync(100)).Where(s => s.ExternalRef == call.CallSid);
        Assert.Single(sessions);
    }

    [Fact]
    public async Task A_failing_database_at_the_menu_and_the_code_prompt_asks_for_the_same_keys_again()
    {
        var code = await _app.Services.GetRequiredService<PracticeService>().CreateCodeAsync("abusive-caller", null, 99, null);
        var call = new TwilioCallSimulator(_app.CreateClient(), to: "+15557770999");
        await call.DialAsync();
        var menu = (string)call.Gather!.Attribute("action")!;

        _store.Fail(_ => true);
        await call.PressAsync("9");
        Assert.Equal(menu, (string?)call.Gather?.Attribute("action"));
        Assert.Equal("dtmf speech", (string?)call.Gather!.Attribute("input"));
        Assert.Equal(LineBrokeUp.MenuLine, call.Gather.Element("Say")?.Value);

        _store.Fail(null);
        await call.PressAsync("9");
        var codeEntry = (string)call.Gather!.Attribute("action")!;
        _store.Fail(_ => true);
        await call.PressAsync(code.Code);
        Assert.Equal(codeEntry, (string?)call.Gather?.Attribute("action"));
        Assert.Equal("#", (string?)call.Gather!.Attribute("finishOnKey"));
        Assert.Equal(LineBrokeUp.CodeLine, call.Gather.Element("Say")?.Value);

        _store.Fail(null);
        await call.PressAsync(code.Code);
        Assert.Contains("n=1", (string?)call.Gather?.Attribute("action"));
        Assert.Equal(99, (await SessionOf(call)).Seed);
    }

    [Fact]
    public async Task A_database_that_never_comes_back_ends_the_held_call_politely()
    {
        var call = NewCall();
        _store.Fail(_ => true);

        var twiml = XDocument.Parse(await (await call.SendAsync($"{TwilioPaths.Voice}?attempt=1&held={LineBrokeUp.MaxHolds}", call.CallForm("ringing")))
            .Content.ReadAsStringAsync()).Root!;

        Assert.Equal(LineBrokeUp.GiveUpLine, twiml.Element("Say")?.Value);
        Assert.NotNull(twiml.Element("Hangup"));
    }

    [Fact]
    public void A_database_timeout_outside_what_twilio_allows_stops_the_service_at_start_by_name()
    {
        using var app = new SimCallerApp(_db.Path, new Dictionary<string, string?> { ["Twilio:DatabaseTimeoutSeconds"] = "20" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Twilio:DatabaseTimeoutSeconds", error.Message);
    }
}
