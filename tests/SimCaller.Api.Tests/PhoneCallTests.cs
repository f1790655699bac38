using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Core.Calls;
using SimCaller.Practice;

namespace SimCaller.Api.Tests;

/// <summary>Whole practice calls over the phone, played by a simulated Twilio against the real service.</summary>
public sealed class PhoneCallTests : IDisposable
{
    private const string TravelerLine = "+15557770001";
    private const string AbusiveLine = "+15557770002";
    private const string RanterLine = "+15557770003";
    private const string MenuLine = "+15557770999";
    private const string Supervisor = "+15550004444";

    private readonly TempDatabase _db = new();
    private readonly List<SimCallerApp> _apps = [];

    public void Dispose()
    {
        foreach (var app in _apps) app.Dispose();
        _db.Dispose();
    }

    private SimCallerApp App(IDictionary<string, string?>? extra = null, string? databasePath = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Twilio:Numbers:{TravelerLine}"] = "stressed-traveler",
            [$"Twilio:Numbers:{AbusiveLine}:Persona"] = "abusive-caller",
            [$"Twilio:Numbers:{RanterLine}"] = "off-topic-ranter",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var app = new SimCallerApp(databasePath ?? _db.Path, settings);
        _apps.Add(app);
        return app;
    }

    private static async Task<SessionInfo> SessionOf(SimCallerApp app, TwilioCallSimulator call) =>
        await app.Services.GetRequiredService<PracticeService>().FindByExternalRefAsync(call.CallSid)
        ?? throw new InvalidOperationException("No session for " + call.CallSid);

    private static async Task AssertDebriefPageAsync(SimCallerApp app, SessionInfo session)
    {
        Assert.NotNull(session.DebriefToken);
        using var page = await app.CreateClient().GetAsync($"/debriefs/{session.DebriefToken}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType?.ToString());
        Assert.Contains("<svg", await page.Content.ReadAsStringAsync());
    }

    private static readonly string?[] HelpfulTraveler =
    [
        "oh no, your flight cancelled the night before your sister's wedding, that's awful, anyone would be upset",
        "so you need to be in denver by nine tomorrow morning for the wedding, is that right",
        "i'm so sorry we cancelled your flight tonight, i'll take care of this myself",
        "i've booked you on the six oh five morning flight tomorrow, a confirmed seat landing in denver at eight",
        "your confirmation email will arrive in the next five minutes with the new seat",
        "is that everything sorted for you",
        "thank you for your patience tonight",
    ];

    [Fact]
    public async Task Stressed_traveler_resolved_call_hangs_up_texts_the_link_and_serves_the_debrief()
    {
        var app = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: TravelerLine);

        var opening = await call.DialAsync();
        Assert.NotNull(call.Gather);
        Assert.Equal("speech", (string?)call.Gather!.Attribute("input"));
        Assert.Equal("auto", (string?)call.Gather.Attribute("speechTimeout"));
        Assert.Equal("true", (string?)call.Gather.Attribute("actionOnEmptyResult"));
        Assert.Contains("QX7R2M", (string?)call.Gather.Attribute("hints"));
        Assert.NotNull(call.Gather.Element("Say")!.Element("prosody"));

        await call.PlayAsync(HelpfulTraveler, maxTurns: 20);

        Assert.True(call.HungUp, "the call should end with <Hangup/>: " + call.Twiml);
        var session = await SessionOf(app, call);
        Assert.Equal(CallOutcome.Resolved, session.Outcome);
        Assert.Equal("phone", session.Channel);
        Assert.Equal(call.From, session.Trainee);
        await AssertDebriefPageAsync(app, session);
        var sms = Assert.Single(app.Sms.Sent);
        Assert.Equal(call.From, sms.To);
        Assert.Equal(SimCallerApp.SmsFrom, sms.From);
        Assert.EndsWith($"/Accounts/{SimCallerApp.AccountSid}/Messages.json", sms.Uri.AbsolutePath);
        Assert.Contains($"{SimCallerApp.PublicBaseUrl}/debriefs/{session.DebriefToken}", sms.Body);

        // Twilio's completed callback after our own Hangup changes nothing and sends nothing more.
        Assert.Equal(HttpStatusCode.NoContent, await call.StatusAsync("completed"));
        Assert.Equal(CallOutcome.Resolved, (await SessionOf(app, call)).Outcome);
        Assert.Single(app.Sms.Sent);
    }

    [Fact]
    public async Task Stressed_traveler_hangs_up_on_a_dismissive_trainee()
    {
        var app = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: TravelerLine);
        await call.DialAsync();

        await call.PlayAsync(
        [
            "calm down, it's just a flight",
            "that's not my problem, rules are rules, we can't do anything",
            "yeah, yeah, do i have to spell it out",
        ], maxTurns: 20);

        Assert.True(call.HungUp);
        var session = await SessionOf(app, call);
        Assert.Equal(CallOutcome.HungUp, session.Outcome);
        await AssertDebriefPageAsync(app, session);
    }

    [Fact]
    public async Task Escalation_transfers_to_the_supervisor_number_when_one_is_set()
    {
        var app = App(new Dictionary<string, string?> { ["Twilio:SupervisorNumber"] = Supervisor });
        var call = new TwilioCallSimulator(app.CreateClient(), to: TravelerLine);
        await call.DialAsync();

        await call.SayAsync("i'm sorry about your flight, that sounds really stressful");
        await call.SayAsync("let me transfer you to my supervisor");

        Assert.Equal(Supervisor, call.DialledNumber);
        var session = await SessionOf(app, call);
        Assert.Equal(CallOutcome.Escalated, session.Outcome);
        await AssertDebriefPageAsync(app, session);
    }

    [Fact]
    public async Task Escalation_without_a_supervisor_number_ends_the_simulation()
    {
        var app = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: RanterLine);
        await call.DialAsync();

        await call.SayAsync("let me transfer you to my supervisor");

        Assert.True(call.HungUp);
        Assert.Null(call.DialledNumber);
        Assert.Equal(CallOutcome.Escalated, (await SessionOf(app, call)).Outcome);
    }

    [Fact]
    public async Task Abusive_caller_warned_then_ended_by_the_agent()
    {
        var app = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: AbusiveLine);
        await call.DialAsync();

        await call.SayAsync("i want to help you, but if you keep swearing at me i'll end this call");
        if (!call.IsOver) await call.SayAsync("i'm ending this call now");

        Assert.True(call.HungUp);
        var session = await SessionOf(app, call);
        Assert.Equal(CallOutcome.EndedByAgent, session.Outcome);
        await AssertDebriefPageAsync(app, session);
    }

    [Fact]
    public async Task Off_topic_ranter_kept_calm_but_never_refunded_runs_into_the_time_limit()
    {
        var app = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: RanterLine);
        await call.DialAsync();

        var turns = await call.PlayAsync(
        [
            // Short enough never to count as repeating oneself; friendly, but the refund never comes.
            "thank you",
            "i see",
            "oh dear",
            "okay",
        ], maxTurns: 40);

        Assert.True(call.HungUp);
        var session = await SessionOf(app, call);
        Assert.Equal(CallOutcome.TimeLimit, session.Outcome);
        Assert.True(turns > 1);
        await AssertDebriefPageAsync(app, session);
    }

    [Fact]
    public async Task Trainee_hanging_up_mid_call_abandons_it_and_still_gets_a_debrief_link()
    {
        var app = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: TravelerLine);
        await call.DialAsync();
        await call.SayAsync("hello, thanks for calling skyline air, let me look into this");

        Assert.Equal(HttpStatusCode.NoContent, await call.StatusAsync("completed"));
        Assert.Equal(HttpStatusCode.NoContent, await call.StatusAsync("completed"));
        Assert.Equal(HttpStatusCode.NoContent, await call.StatusAsync("in-progress"));

        var session = await SessionOf(app, call);
        Assert.Equal(CallOutcome.Abandoned, session.Outcome);
        await AssertDebriefPageAsync(app, session);
        var sms = Assert.Single(app.Sms.Sent);
        Assert.Contains($"/debriefs/{session.DebriefToken}", sms.Body);
        // The hang-up went through the mood machine: the stored state says the call is over.
        var stored = await app.Services.GetRequiredService<PracticeService>().FindCallAsync(session.SessionId);
        Assert.Contains("\"state\":\"abandoned\"", stored!.Session.MoodSnapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_sms_never_breaks_the_status_webhook()
    {
        var app = App();
        app.Sms.Status = HttpStatusCode.BadRequest;
        var call = new TwilioCallSimulator(app.CreateClient(), to: TravelerLine);
        await call.DialAsync();

        Assert.Equal(HttpStatusCode.NoContent, await call.StatusAsync("completed"));

        Assert.Single(app.Sms.Sent);
        Assert.True((await SessionOf(app, call)).IsOver);
    }

    [Fact]
    public async Task Silence_is_sent_as_a_silent_turn_and_the_customer_keeps_talking()
    {
        var app = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: TravelerLine);
        await call.DialAsync();
        var heardBefore = call.Heard.Count;

        await call.SayAsync(null);

        var session = await SessionOf(app, call);
        Assert.Equal(3, session.TurnCount);
        Assert.True(call.Heard.Count > heardBefore);
        Assert.Contains("n=2", (string?)call.Gather?.Attribute("action"));
    }

    [Fact]
    public async Task A_retried_gather_post_is_applied_once_and_answered_the_same()
    {
        var app = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: TravelerLine);
        await call.DialAsync();

        var (first, retry) = await call.SayTwiceAsync("i'm so sorry, that sounds really stressful");

        Assert.Equal(first.ToString(), retry.ToString());
        Assert.Equal(3, (await SessionOf(app, call)).TurnCount);
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_carries_on_the_call()
    {
        var first = App();
        var second = App();
        var call = new TwilioCallSimulator(first.CreateClient(), to: TravelerLine);
        await call.DialAsync();
        await call.SayAsync(HelpfulTraveler[0]);
        await call.SayAsync(HelpfulTraveler[1]);

        call.SwitchTo(second.CreateClient());
        await call.PlayAsync(HelpfulTraveler[2..], maxTurns: 20);

        Assert.True(call.HungUp);
        var seenByFirst = await SessionOf(first, call);
        Assert.Equal(CallOutcome.Resolved, seenByFirst.Outcome);
        Assert.True(seenByFirst.TurnCount >= 9);
    }

    [Fact]
    public async Task A_number_routed_with_a_difficulty_starts_that_level()
    {
        var app = App(new Dictionary<string, string?> { ["Twilio:Numbers:+15557770010"] = "abusive-caller:hard" });
        var call = new TwilioCallSimulator(app.CreateClient(), to: "+15557770010");

        await call.DialAsync();

        var session = await SessionOf(app, call);
        Assert.Equal("abusive-caller", session.PersonaId);
        Assert.Equal("hard", session.Difficulty);
    }

    [Fact]
    public async Task A_number_routed_to_a_missing_persona_says_goodbye_instead_of_failing()
    {
        var app = App(new Dictionary<string, string?> { ["Twilio:Numbers:+15557770011"] = "no-such-persona" });
        var call = new TwilioCallSimulator(app.CreateClient(), to: "+15557770011");

        await call.DialAsync();

        Assert.True(call.HungUp);
        Assert.Contains(call.Heard, h => h.Contains("not set up", StringComparison.Ordinal));
        Assert.Null(await app.Services.GetRequiredService<PracticeService>().FindByExternalRefAsync(call.CallSid));
    }

    [Fact]
    public async Task Menu_lists_the_customers_and_a_key_press_starts_that_one()
    {
        var app = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: MenuLine);

        await call.DialAsync();

        var gather = call.Gather!;
        Assert.Equal("dtmf speech", (string?)gather.Attribute("input"));
        var prompt = gather.Element("Say")!.Value;
        Assert.Contains("Press 1 for", prompt);
        Assert.Contains("Flight to Denver cancelled", prompt);
        Assert.Contains("Press 9", prompt);
        Assert.Null(await app.Services.GetRequiredService<PracticeService>().FindByExternalRefAsync(call.CallSid));

        var choices = prompt.Split("Press ").Skip(1).ToList();
        var travelerKey = choices.FindIndex(c => c.Contains("Denver", StringComparison.Ordinal)) + 1;
        await call.PressAsync(travelerKey.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("stressed-traveler", (await SessionOf(app, call)).PersonaId);
        Assert.Contains("n=1", (string?)call.Gather?.Attribute("action"));
    }

    [Fact]
    public async Task Saying_code_then_keying_a_session_code_fixes_persona_difficulty_and_seed()
    {
        var app = App();
        var practice = app.Services.GetRequiredService<PracticeService>();
        var code = await practice.CreateCodeAsync("off-topic-ranter", null, 4242, "cohort 7");
        var call = new TwilioCallSimulator(app.CreateClient(), to: MenuLine);
        await call.DialAsync();

        await call.SayAsync("i have a code");
        Assert.Equal("dtmf", (string?)call.Gather!.Attribute("input"));
        await call.PressAsync("0000000");
        Assert.Contains(call.Heard, h => h.Contains("not recognised", StringComparison.Ordinal));
        await call.PressAsync(code.Code);

        var session = await SessionOf(app, call);
        Assert.Equal("off-topic-ranter", session.PersonaId);
        Assert.Equal(code.Difficulty, session.Difficulty);
        Assert.Equal(4242, session.Seed);
        // Candidates on one code can be grouped afterwards.
        Assert.Equal((code.Code, "phone"), (session.Code, session.Channel));
        var onCode = await practice.QuerySessionsAsync(new SimCaller.Practice.Storage.SessionQuery(Code: code.Code));
        Assert.Equal(session.SessionId, Assert.Single(onCode.Sessions).SessionId);
    }

    [Fact]
    public async Task A_caller_who_never_chooses_is_let_go_after_a_few_tries()
    {
        var app = App();
        var call = new TwilioCallSimulator(app.CreateClient(), to: MenuLine);
        await call.DialAsync();

        for (var i = 0; i < 6 && !call.IsOver; i++) await call.SayAsync(null);

        Assert.True(call.HungUp);
        Assert.Null(await app.Services.GetRequiredService<PracticeService>().FindByExternalRefAsync(call.CallSid));
    }
}
