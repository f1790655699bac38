using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Core.Calls;
using SimCaller.Practice;

namespace SimCaller.Api.Tests;

/// <summary>
/// Streaming phone calls (Twilio:Voice:Mode=relay), played by a simulated ConversationRelay over a real
/// WebSocket against the real service.
/// </summary>
public sealed class RelayCallTests : IAsyncDisposable
{
    private const string TravelerLine = "+15557770001";
    private const string AbusiveLine = "+15557770002";
    private const string RanterLine = "+15557770003";
    private const string PensionerLine = "+15557770004";
    private const string Supervisor = "+15550004444";

    private readonly TempDatabase _db = new();
    private readonly List<SimCallerApp> _apps = [];
    private readonly List<RelayCallSimulator> _calls = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var call in _calls) await call.DisposeAsync();
        foreach (var app in _apps) app.Dispose();
        _db.Dispose();
    }

    private SimCallerApp App(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:Voice:Mode"] = "relay",
            [$"Twilio:Numbers:{TravelerLine}"] = "stressed-traveler",
            [$"Twilio:Numbers:{AbusiveLine}"] = "abusive-caller",
            [$"Twilio:Numbers:{RanterLine}"] = "off-topic-ranter",
            [$"Twilio:Numbers:{PensionerLine}"] = "worried-pensioner",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var app = new SimCallerApp(_db.Path, settings);
        _apps.Add(app);
        return app;
    }

    private RelayCallSimulator Call(SimCallerApp app, string to)
    {
        var call = new RelayCallSimulator(app, to);
        _calls.Add(call);
        return call;
    }

    private static async Task<RelayCallSimulator> ConnectedAsync(RelayCallSimulator call)
    {
        await call.DialAsync();
        await call.ConnectAsync();
        await call.SetupAsync();
        return call;
    }

    private static PracticeService Practice(SimCallerApp app) => app.Services.GetRequiredService<PracticeService>();

    private static async Task<SessionInfo> SessionOf(SimCallerApp app, RelayCallSimulator call) =>
        await Practice(app).FindByExternalRefAsync(call.CallSid) ?? throw new InvalidOperationException("No session for " + call.CallSid);

    private static async Task<IReadOnlyList<TranscriptTurn>> TurnsOf(SimCallerApp app, RelayCallSimulator call) =>
        (await Practice(app).GetTranscriptAsync((await SessionOf(app, call)).SessionId)).Turns;

    /// <summary>
    /// The caller hangs up and the call is over. A reply is stored once it is known how much of it the
    /// trainee heard (at the next turn, an interrupt or the end), so the last one is in the store only now.
    /// </summary>
    private static async Task HangUpAsync(SimCallerApp app, RelayCallSimulator call)
    {
        await call.CloseAsync();
        await Eventually(async () => (await SessionOf(app, call)).IsOver);
    }

    /// <summary>Bounded wait for something the server does after the socket closes.</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail("The condition did not hold within 10 s.");
    }

    [Fact]
    public async Task Relay_mode_answers_with_ConversationRelay_in_the_personas_voice_and_gather_stays_the_default()
    {
        var call = Call(App(), AbusiveLine);
        var twiml = await call.DialAsync();

        Assert.Null(twiml.Element("Gather"));
        var relay = call.Relay!;
        Assert.Equal("wss://practice.simcaller.test/twilio/relay", (string?)relay.Attribute("url"));
        Assert.Equal("/twilio/relay/action", call.Action);
        Assert.Equal("Amazon", (string?)relay.Attribute("ttsProvider"));
        Assert.Equal("Brian-Neural", (string?)relay.Attribute("voice"));
        Assert.Equal("en-GB", (string?)relay.Attribute("language"));
        Assert.Equal("false", (string?)relay.Attribute("profanityFilter"));
        Assert.Equal("true", (string?)relay.Attribute("partialPrompts"));
        Assert.Equal("any", (string?)relay.Attribute("reportInputDuringAgentSpeech"));
        Assert.Equal("any", (string?)relay.Attribute("interruptible"));
        Assert.Equal("true", (string?)relay.Attribute("dtmfDetection"));
        // The session starts with the call, as in Gather mode: one per CallSid.
        Assert.Equal(1, (await SessionOf(_apps[0], call)).TurnCount);

        var gatherApp = new SimCallerApp(_db.Path, new Dictionary<string, string?> { [$"Twilio:Numbers:{AbusiveLine}"] = "abusive-caller" });
        _apps.Add(gatherApp);
        var gather = new TwilioCallSimulator(gatherApp.CreateClient(), to: AbusiveLine);
        await gather.DialAsync();
        Assert.NotNull(gather.Gather);
    }

    [Fact]
    public void An_unknown_voice_mode_stops_the_service_at_start_with_the_key_named()
    {
        using var app = new SimCallerApp(_db.Path, new Dictionary<string, string?> { ["Twilio:Voice:Mode"] = "stream" });
        var error = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SimCaller.Api.Twilio.TwilioOptions>>().Value);
        Assert.Contains("Twilio:Voice:Mode", error.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("bm90LWEtcmVhbC1zaWduYXR1cmU=")]
    public async Task An_unsigned_or_forged_upgrade_is_refused_with_403_and_nothing_starts(string signature)
    {
        var app = App();
        var call = Call(app, TravelerLine);
        await call.DialAsync();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => call.ConnectAsync(signature));
        Assert.Contains("403", refused.Message);
        // Signed for another URL (https instead of the wss one written in the TwiML) is forged too.
        var wrongUrl = SimCaller.Twilio.Security.TwilioSignature.Compute(SimCallerApp.AuthToken, "https://practice.simcaller.test/twilio/relay", []);
        Assert.Contains("403", (await Assert.ThrowsAnyAsync<Exception>(() => call.ConnectAsync(wrongUrl))).Message);
        Assert.Equal(1, (await SessionOf(app, call)).TurnCount);
        Assert.False((await SessionOf(app, call)).IsOver);
    }

    public static TheoryData<string, string[]> EveryPersona => new()
    {
        { TravelerLine, [
            "oh no, your flight cancelled the night before your sister's wedding, that's awful, anyone would be upset",
            "so you need to be in denver by nine tomorrow morning for the wedding, is that right",
            "i'm so sorry we cancelled your flight tonight, i'll take care of this myself",
            "i've booked you on the six oh five morning flight tomorrow, a confirmed seat landing in denver at eight",
            "your confirmation email will arrive in the next five minutes with the new seat",
            "is that everything sorted for you",
            "thank you for your patience tonight"] },
        { AbusiveLine, [
            "I can hear how fed up you are, three days without internet is not acceptable",
            "I'm going to help you, but I need you to stop swearing at me so we can sort this out",
            "I'll book an engineer visit for you myself and stay with this until it's fixed"] },
        { RanterLine, [
            "I'm sorry about the bill, that sounds really frustrating",
            "So the charge on your bill is what we need to fix, is that right",
            "I'll refund that charge today and you'll see it on your next statement"] },
        { PensionerLine, [
            "I'm so sorry, that must be very worrying for you",
            "Let me look into this for you right now, I'll stay with you",
            "I'll sort this out for you today and call you back to confirm"] },
    };

    [Theory]
    [MemberData(nameof(EveryPersona))]
    public async Task A_whole_relay_call_streams_each_reply_stores_what_was_said_and_ends_with_a_debrief(string number, string[] script)
    {
        var app = App();
        var call = Call(app, number);
        await call.DialAsync();
        await call.ConnectAsync();
        var opening = await call.SetupAsync();
        Assert.NotEmpty(opening);

        var spoken = new List<string> { opening };
        RelayCallSimulator.Reply? last = null;
        for (var turn = 0; turn < 12; turn++)
        {
            last = await call.SayAsync(script[turn % script.Length]);
            if (last.IsEnd) break;
            Assert.NotEmpty(last.Text);
            Assert.True(last.Tokens[^1].GetProperty("last").GetBoolean());
            Assert.All(last.Tokens.SkipLast(1), t => Assert.False(t.GetProperty("last").GetBoolean()));
            spoken.Add(last.Text);
        }
        if (!last!.IsEnd) last = await call.SayAsync("I'm ending this call now, goodbye");
        Assert.True(last.IsEnd, "the call should have ended");

        using var handoff = JsonDocument.Parse(last.EndHandoff!);
        Assert.Equal("ended", handoff.RootElement.GetProperty("reason").GetString());
        var session = await SessionOf(app, call);
        Assert.True(session.IsOver);
        Assert.Equal(session.Outcome.ToId(), handoff.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("phone", session.Channel);

        // What the customer said over the socket is what the transcript keeps, line for line.
        var customer = (await TurnsOf(app, call)).Where(t => t.Speaker == Speaker.Customer).Select(t => t.Text).ToList();
        Assert.Equal(spoken, customer.Take(spoken.Count));
        Assert.Equal(handoff.RootElement.GetProperty("closing").GetString(), customer[^1]);

        // Twilio closes the socket after end and posts the <Connect action>: the closing line, then goodbye.
        await call.CloseAsync();
        var after = await call.SessionEndedAsync("ended", last.EndHandoff);
        Assert.True(call.Phone.HungUp);
        Assert.Contains(call.Phone.Heard, h => h.Contains("practice call has ended", StringComparison.Ordinal));
        Assert.NotNull(after.Element("Say"));
        Assert.Single(app.Sms.Sent);
        Assert.NotNull((await Practice(app).FindDebriefAsync(session.SessionId))?.Debrief);
    }

    [Fact]
    public async Task A_reply_is_sent_in_pieces_with_each_sentence_in_the_moods_prosody()
    {
        var app = App();
        var call = await ConnectedAsync(Call(app, TravelerLine));
        // Several answers so at least one has more than one sentence.
        var replies = new List<RelayCallSimulator.Reply>();
        foreach (var line in new[] { "calm down", "that's our policy, there is nothing I can do", "what's your booking reference", "can you hold on", "I'm sorry" })
        {
            var reply = await call.SayAsync(line);
            if (reply.IsEnd) break;
            replies.Add(reply);
        }
        Assert.Contains(replies, r => r.Tokens.Count(t => t.GetProperty("token").GetString()!.Length > 0) > 1);
        // Google Neural2 voice: every spoken piece carries prosody.
        Assert.All(replies.SelectMany(r => r.Tokens).Where(t => t.GetProperty("token").GetString()!.Length > 0),
            t => Assert.StartsWith("<prosody rate=", t.GetProperty("token").GetString()));
    }

    [Fact]
    public async Task The_trainee_cutting_in_stores_only_what_the_customer_said_and_counts_as_talking_over_them()
    {
        var app = App();
        var call = await ConnectedAsync(Call(app, TravelerLine)); // angry at the start: venting
        var reply = await call.SayAsync("what's your booking reference");
        Assert.False(reply.IsEnd);
        var heard = reply.Text[..Math.Min(8, reply.Text.Length)];

        await call.InterruptAsync(heard, "640");
        var next = await call.SayAsync("ok so what do you want me to do about it");
        Assert.False(next.IsEnd);
        await HangUpAsync(app, call);

        var turns = await TurnsOf(app, call);
        var interrupted = turns.Where(t => t.Speaker == Speaker.Customer).ElementAt(1);
        Assert.Equal(heard.Trim(), interrupted.Text);
        var cutIn = turns.Where(t => t.Speaker == Speaker.Trainee).ElementAt(1);
        Assert.Equal("ok so what do you want me to do about it", cutIn.Text);
        Assert.True(cutIn.Events.HasFlag(CallEvents.TalkOver));
        Assert.False(turns.Where(t => t.Speaker == Speaker.Trainee).First().Events.HasFlag(CallEvents.TalkOver));
    }

    [Fact]
    public async Task Cutting_in_late_or_within_the_personas_tolerance_is_not_talking_over()
    {
        var app = App();
        // The ranter lets the first early interruption pass (tolerated: 1) and never minds a late one.
        var call = await ConnectedAsync(Call(app, RanterLine));
        var first = await call.SayAsync("that's just our policy");
        await call.InterruptAsync(first.Text[..Math.Min(3, first.Text.Length)], 200);
        var second = await call.SayAsync("that's just our policy I'm afraid");
        Assert.False(second.IsEnd);
        await call.InterruptAsync(second.Text, 3000); // heard to the end: late
        var third = await call.SayAsync("there's nothing I can do, it's our policy");
        Assert.False(third.IsEnd);
        await call.InterruptAsync(third.Text[..Math.Min(3, third.Text.Length)], "150");
        await call.SayAsync("no, listen, it's the policy");
        await HangUpAsync(app, call);

        var trainee = (await TurnsOf(app, call)).Where(t => t.Speaker == Speaker.Trainee).ToList();
        Assert.Equal([false, false, false, true], trainee.Select(t => t.Events.HasFlag(CallEvents.TalkOver)));
    }

    [Fact]
    public async Task An_angry_customer_cuts_in_on_a_long_turn_from_the_partial_prompts()
    {
        var app = App();
        var call = await ConnectedAsync(Call(app, AbusiveLine)); // angry from the start; cuts in after 30 words
        var ramble = string.Join(' ', Enumerable.Repeat("well you see the thing is that our systems", 6)) + " and so on";

        await call.PartialsAsync(ramble, upToWords: 29);
        Assert.True(await call.QuietAsync(TimeSpan.FromMilliseconds(300)), "the customer cut in too early");
        await call.PartialsAsync(ramble, upToWords: 31);
        var cutIn = await call.LineAsync();

        Assert.False(cutIn.IsEnd);
        Assert.Matches("^(No, no, stop talking\\.|Mate, I don't need a speech\\.|Enough\\. Just tell me when\\.)", cutIn.Text);
        // The trainee is still talking: the cut-in must not be stopped by their voice.
        Assert.All(cutIn.Tokens, t => Assert.False(t.GetProperty("interruptible").GetBoolean()));

        // The rest of the trainee's utterance arrives; the customer was not listening, so no second answer.
        await call.PromptAsync(ramble, last: true);
        Assert.True(await call.QuietAsync(TimeSpan.FromMilliseconds(300)));
        var next = await call.SayAsync("sorry, I'll book the engineer for you now");
        Assert.False(next.IsEnd);
        await HangUpAsync(app, call);

        var turns = await TurnsOf(app, call);
        var trainee = turns.Where(t => t.Speaker == Speaker.Trainee).ToList();
        Assert.Equal(2, trainee.Count);
        Assert.Equal(30, trainee[0].Text.Split(' ').Length);
        Assert.StartsWith(cutIn.Text, turns.Where(t => t.Speaker == Speaker.Customer).ElementAt(1).Text);
    }

    [Fact]
    public async Task Short_partial_prompts_only_listen_and_a_calm_persona_never_cuts_in()
    {
        var app = App();
        var call = await ConnectedAsync(Call(app, PensionerLine));
        var long_ = string.Join(' ', Enumerable.Repeat("let me explain how the account works for you", 8));
        await call.PartialsAsync(long_);
        Assert.True(await call.QuietAsync(TimeSpan.FromMilliseconds(300)), "partial prompts are not turns");
        await call.PromptAsync(long_, last: true);
        Assert.False((await call.LineAsync()).IsEnd);
        await HangUpAsync(app, call);
        var trainee = (await TurnsOf(app, call)).Where(t => t.Speaker == Speaker.Trainee).ToList();
        Assert.Equal(long_, Assert.Single(trainee).Text);
    }

    [Fact]
    public async Task Pressing_0_transfers_to_the_supervisor_through_the_connect_action()
    {
        var app = App(new Dictionary<string, string?> { ["Twilio:SupervisorNumber"] = Supervisor });
        var call = await ConnectedAsync(Call(app, TravelerLine));
        await call.SayAsync("let me see what I can do");

        await call.PressAsync("0");
        var end = await call.LineAsync();
        Assert.True(end.IsEnd);
        using var handoff = JsonDocument.Parse(end.EndHandoff!);
        Assert.Equal("transferred", handoff.RootElement.GetProperty("reason").GetString());
        Assert.Equal("escalated", handoff.RootElement.GetProperty("outcome").GetString());

        await call.CloseAsync();
        await call.SessionEndedAsync("ended", end.EndHandoff);
        Assert.Equal(Supervisor, call.Phone.DialledNumber);
        Assert.Equal(CallOutcome.Escalated, (await SessionOf(app, call)).Outcome);
    }

    [Fact]
    public async Task Keys_hash_hangs_up_star_holds_and_others_are_ignored()
    {
        var app = App();
        var call = await ConnectedAsync(Call(app, TravelerLine));
        await call.PressAsync("5");
        await call.PressAsync("*");
        Assert.True(await call.QuietAsync(TimeSpan.FromMilliseconds(200)));
        var afterHold = await call.SayAsync("thanks for holding, I'm back");
        Assert.False(afterHold.IsEnd);

        await call.PressAsync("#");
        var end = await call.LineAsync();
        Assert.True(end.IsEnd);
        Assert.Equal("hung_up", JsonDocument.Parse(end.EndHandoff!).RootElement.GetProperty("reason").GetString());
        Assert.True((await SessionOf(app, call)).IsOver);
        // Twilio would close the socket now; when it does not, the server does after a short grace.
        Assert.True(await call.ClosedByServerAsync());
    }

    [Fact]
    public async Task Malformed_and_unknown_messages_are_logged_and_the_call_goes_on()
    {
        var app = App();
        var call = await ConnectedAsync(Call(app, TravelerLine));
        await call.SendRawAsync("{not json");
        await call.SendRawAsync("""{"type":"teleport"}""");
        await call.SendRawAsync("""{"type":"prompt"}""");
        await call.SendRawAsync("""{"type":"interrupt","utteranceUntilInterrupt":"x","durationUntilInterruptMs":"soon"}""");

        var reply = await call.SayAsync("what's your booking reference");
        Assert.False(reply.IsEnd);
        Assert.NotEmpty(reply.Text);
        Assert.False((await SessionOf(app, call)).IsOver);
    }

    [Fact]
    public async Task Ten_garbage_messages_in_a_row_close_the_socket_with_a_reason_and_end_the_call_with_its_debrief()
    {
        var app = App();
        var call = await ConnectedAsync(Call(app, TravelerLine));
        await call.SayAsync("I'm sorry about your flight");
        for (var i = 0; i < 10; i++) await call.SendRawAsync("garbage " + i);

        Assert.True(await call.ClosedByServerAsync());
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, call.CloseStatus);
        Assert.Contains("10 malformed messages in a row", call.CloseReason);
        await Eventually(async () => (await SessionOf(app, call)).IsOver);
        var session = await SessionOf(app, call);
        Assert.NotNull(session.DebriefToken);

        // Twilio reports the failed session to the action; the trainee is told and the call closes.
        await call.SessionEndedAsync("failed", null);
        Assert.True(call.Phone.HungUp);
        Assert.Contains(call.Phone.Heard, h => h.Contains("line dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dropped_socket_ends_the_call_cleanly_with_its_debrief_and_the_text()
    {
        var app = App();
        var call = await ConnectedAsync(Call(app, TravelerLine));
        var reply = await call.SayAsync("I'm sorry your flight was cancelled");
        call.Drop();

        await Eventually(async () => (await SessionOf(app, call)).IsOver);
        var session = await SessionOf(app, call);
        Assert.NotNull(session.DebriefToken);
        Assert.Equal(CallOutcome.Abandoned, session.Outcome);
        // The debrief link is texted after the session is stored as over.
        await Eventually(() => Task.FromResult(app.Sms.Sent.Count > 0));
        Assert.Single(app.Sms.Sent);
        // The reply that was on its way is kept.
        Assert.Equal(reply.Text, (await TurnsOf(app, call)).Last(t => t.Speaker == Speaker.Customer).Text);
    }

    [Fact]
    public async Task A_hang_up_closes_the_socket_and_ends_the_call_once_whatever_else_reports_it()
    {
        var app = App();
        var call = await ConnectedAsync(Call(app, TravelerLine));
        await call.SayAsync("hello, how can I help");
        await call.CloseAsync();
        await Eventually(async () => (await SessionOf(app, call)).IsOver);
        await call.SessionEndedAsync("completed", null, callStatus: "completed");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, await call.Phone.StatusAsync("completed"));
        Assert.Single(app.Sms.Sent);
    }

    [Fact]
    public async Task A_setup_for_a_call_without_a_session_ends_the_relay_politely()
    {
        var app = App();
        var url = "wss://practice.simcaller.test/twilio/relay";
        var call = Call(app, TravelerLine);
        // Not dialled: the socket comes for a CallSid the service never answered.
        call.UseRelayUrl(url);
        await call.ConnectAsync();
        await call.SetupAsync();
        var end = Assert.Single(call.Messages, m => m.GetProperty("type").GetString() == "end");
        Assert.Contains("no_session", end.GetProperty("handoffData").GetString());
        Assert.Null(await Practice(app).FindByExternalRefAsync(call.CallSid));
    }
}
