using Microsoft.Extensions.Options;
using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Practice;
using SimCaller.Practice.Storage;
using SimCaller.Api.Debriefs;
using SimCaller.Api.Twilio.Relay;
using SimCaller.Twilio.Logging;
using SimCaller.Twilio.Twiml;

namespace SimCaller.Api.Twilio;

/// <summary>
/// A practice call over the phone, one webhook at a time. Nothing about a call is kept in memory: the
/// session is found again by CallSid and the turn number travels in the Gather action URL, so a retried
/// webhook replays its stored turn and any instance can take the next one.
/// </summary>
public sealed class PhoneCallFlow(
    PracticeService practice,
    PersonaCatalog personas,
    CustomerAudio audio,
    DebriefLinkSender debriefLinks,
    IOptions<TwilioOptions> options,
    ILogger<PhoneCallFlow> logger)
{
    internal const int ListenSeconds = 6;

    private TwilioOptions Settings => options.Value;

    /// <summary>The call arrives: carry on an existing session, start the dialled number's customer, or offer the menu.</summary>
    public async Task<TwimlResponse> AnswerAsync(TwilioCallForm call, int attempt, CancellationToken ct)
    {
        if (await practice.FindByExternalRefAsync(call.CallSid, ct) is { } existing)
            return await ResumeAsync(call, existing, ct);

        if (Settings.RouteFor(call.To) is { } route)
            return await StartAsync(call, route.Persona, route.Difficulty, null, null, ct);

        if (attempt > TwilioPaths.MaxAttempts) return Goodbye("Sorry, I could not tell which practice call you wanted. Goodbye.");
        var choices = PersonaMenu.Choices(personas.All);
        if (choices.Count == 0)
        {
            logger.LogError("No personas are loaded from {Directory}; cannot offer a practice call", personas.Directory);
            return Goodbye("Sorry, no practice customers are available right now. Goodbye.");
        }
        return new TwimlResponse()
            .Gather(new GatherOptions
            {
                Input = "dtmf speech",
                Action = TwilioPaths.MenuAttempt(attempt),
                NumDigits = 1,
                Timeout = ListenSeconds,
                Hints = PersonaMenu.Hints(choices),
                ActionOnEmptyResult = true,
            }, g => g.Say(PersonaMenu.Prompt(choices)));
    }

    /// <summary>The caller chose from the menu by key or by voice.</summary>
    public async Task<TwimlResponse> ChooseAsync(TwilioCallForm call, int attempt, CancellationToken ct)
    {
        if (await practice.FindByExternalRefAsync(call.CallSid, ct) is { } existing)
            return await ResumeAsync(call, existing, ct);

        var choice = PersonaMenu.Read(call.Digits, call.SpeechResult, PersonaMenu.Choices(personas.All));
        if (choice.IsCode) return AskForCode(1);
        if (choice.Persona is { } persona) return await StartAsync(call, persona.Id, null, null, null, ct);
        return new TwimlResponse().Say("Sorry, I didn't catch that.").Redirect(TwilioPaths.VoiceAttempt(attempt + 1));
    }

    /// <summary>A session code typed on the keypad fixes persona, difficulty and seed.</summary>
    public async Task<TwimlResponse> EnterCodeAsync(TwilioCallForm call, int attempt, CancellationToken ct)
    {
        if (await practice.FindByExternalRefAsync(call.CallSid, ct) is { } existing)
            return await ResumeAsync(call, existing, ct);

        var typed = call.Digits ?? call.SpeechResult;
        if (typed is not null && await practice.FindCodeAsync(typed, ct) is { } code)
        {
            logger.LogInformation("Session code {Code} chosen: {Persona} ({Difficulty})", code.Code, code.PersonaId, code.Difficulty);
            return await StartAsync(call, code.PersonaId, code.Difficulty, code.Seed, code.Code, ct);
        }
        if (attempt >= TwilioPaths.MaxAttempts) return Goodbye("Sorry, that code was not recognised. Goodbye.");
        return AskForCode(attempt + 1, new TwimlResponse().Say("Sorry, that code was not recognised."));
    }

    private static TwimlResponse AskForCode(int attempt, TwimlResponse? before = null) => (before ?? new TwimlResponse())
        .Gather(new GatherOptions
        {
            Input = "dtmf",
            Action = TwilioPaths.CodeAttempt(attempt),
            FinishOnKey = "#",
            Timeout = 10,
            ActionOnEmptyResult = true,
        }, g => g.Say("Please enter your session code, then press the hash key."));

    /// <summary>One trainee turn: what they said goes to the session (which reads empty words as silence); the customer answers.</summary>
    public async Task<TwimlResponse> TurnAsync(TwilioCallForm call, int n, bool isRetry, CancellationToken ct)
    {
        var session = await practice.FindByExternalRefAsync(call.CallSid, ct);
        if (session is null)
        {
            logger.LogWarning("Turn {Turn} for a call with no practice session", n);
            return Goodbye("Sorry, this practice call could not be found. Goodbye.");
        }
        using var scope = SessionScope(session.SessionId, session.PersonaId);
        var persona = personas.Find(session.PersonaId);

        // Even on an ended session the turn goes to the service: a retried final turn replays its closing line.
        var text = call.SpeechResult ?? "";
        TurnResult result;
        try
        {
            result = await practice.TakeTurnAsync(session.SessionId,
                new TraineeTurn(text, RequestKey: $"{call.CallSid}:{n}"), ct);
        }
        catch (SessionEndedException)
        {
            return Goodbye("This practice call has ended. Goodbye.");
        }
        // A database outage is not this turn's problem to answer: DatabaseOutageFilter keeps the call.
        catch (PracticeException ex) when (ex is not StoreUnavailableException && !isRetry)
        {
            // Usually two turns racing on one call; Twilio posts this turn again once.
            logger.LogWarning(ex, "Turn {Turn} not applied; asking Twilio to post it again", n);
            return new TwimlResponse().Pause(1).Redirect(TwilioPaths.TurnNumber(n, retry: true));
        }
        catch (PracticeException ex) when (ex is not StoreUnavailableException)
        {
            logger.LogError(ex, "Turn {Turn} failed twice; ending the phone call", n);
            return Goodbye("Sorry, something went wrong with this practice call. Goodbye.");
        }

        logger.LogInformation("Turn {Turn}: anger {Anger} ({Mood}), outcome {Outcome}{Replay}",
            n, result.Anger, result.Mood, result.Outcome.ToId(), result.Replayed ? " (replayed)" : "");
        var line = await audio.RenderAsync(persona, result.CustomerLine, result.Anger, ct);
        if (!result.IsOver) return Listen(persona, line, n + 1);

        // The ending turn carries its debrief; a replayed one was texted when it was first taken.
        if (!result.Replayed && result.Ended is { } ended) await debriefLinks.SendAsync(session.Trainee, ended, ct);
        return Closing(line, result.Outcome);
    }

    /// <summary>Twilio reports the call's status: a finished call ends its session (idempotent, any order).</summary>
    public async Task StatusAsync(TwilioCallForm call, CancellationToken ct)
    {
        var reason = call.CallStatus switch
        {
            "completed" => EndReason.AgentHungUp,
            "busy" or "failed" or "no-answer" or "canceled" => EndReason.Abandoned,
            _ => (EndReason?)null,
        };
        if (reason is null) return;
        var session = await practice.FindByExternalRefAsync(call.CallSid, ct);
        if (session is null || session.IsOver) return;
        using var scope = SessionScope(session.SessionId, session.PersonaId);
        logger.LogInformation("Call {CallStatus} mid-session; ending it as {Reason}", call.CallStatus, reason);
        await SendDebriefAsync(session, reason.Value, ct);
    }

    private async Task<TwimlResponse> StartAsync(TwilioCallForm call, string personaId, string? difficulty, int? seed, string? code, CancellationToken ct)
    {
        SessionStarted started;
        try
        {
            started = await practice.StartAsync(new StartSessionRequest(personaId, difficulty, seed, "phone", call.From, call.CallSid, code), ct);
        }
        catch (PracticeException ex) when (ex is not StoreUnavailableException)
        {
            logger.LogError("Cannot start a practice call: {Problem}", ex.Message);
            return Goodbye("Sorry, this practice call is not set up correctly. Goodbye.");
        }
        using var scope = SessionScope(started.SessionId, started.PersonaId);
        if (started.Replayed)
            logger.LogInformation("Call start posted again; answering with the session it started");
        else
            logger.LogInformation("Practice call started for {Trainee}: {Persona} ({Difficulty}, seed {Seed})",
                PhoneNumberMasker.Mask(call.From), started.PersonaId, started.Difficulty, started.Seed);
        var persona = personas.Find(started.PersonaId);
        // On a relay call the opening line is spoken over the WebSocket once it connects.
        if (Settings.UsesRelay) return Relay(persona);
        var line = await audio.RenderAsync(persona, started.OpeningLine, started.Anger, ct);
        return Listen(persona, line, 1);
    }

    /// <summary>
    /// A start step posted again for a call that has its session. Before the trainee's first turn it is a
    /// retry of the start, and gets the start's own answer (the stored opening line); later the customer
    /// prompts and listens for the next turn.
    /// </summary>
    private async Task<TwimlResponse> ResumeAsync(TwilioCallForm call, SessionInfo session, CancellationToken ct)
    {
        if (session.IsOver) return Goodbye("This practice call has ended. Goodbye.");
        if (session.TurnCount <= 1) return await StartAsync(call, session.PersonaId, session.Difficulty, session.Seed, session.Code, ct);
        var persona = personas.Find(session.PersonaId);
        if (Settings.UsesRelay) return Relay(persona);
        var line = await audio.RenderAsync(persona, "Hello? Are you still there?", session.Anger, ct);
        var traineeTurns = Math.Max(0, (session.TurnCount - 1) / 2);
        return Listen(persona, line, traineeTurns + 1);
    }

    private static TwimlResponse Listen(PersonaDefinition? persona, SpokenLine line, int nextTurn) => new TwimlResponse()
        .Gather(new GatherOptions
        {
            Input = "speech",
            Action = TwilioPaths.TurnNumber(nextTurn),
            SpeechTimeout = "auto",
            Timeout = ListenSeconds,
            Language = persona?.Voice.Language,
            Hints = Hints(persona),
            ActionOnEmptyResult = true,
        }, line.AddTo);

    /// <summary>
    /// Relay mode: the call goes to the ConversationRelay WebSocket with this customer's voice; when that
    /// session ends Twilio posts to <see cref="TwilioPaths.RelayAction"/> (see <see cref="RelayEndedAsync"/>).
    /// </summary>
    private TwimlResponse Relay(PersonaDefinition? persona)
    {
        var voice = persona?.Voice ?? new VoiceSettings();
        var (provider, name) = voice.Relay.Resolve(voice);
        return new TwimlResponse().ConnectConversationRelay(new ConversationRelayOptions
        {
            Url = Settings.RelayUrl,
            Action = TwilioPaths.RelayAction,
            TtsProvider = provider.Length > 0 ? RelayVoice.TwilioName(provider) : null,
            Voice = name.Length > 0 ? name : null,
            Language = voice.Language,
            Hints = Hints(persona),
        });
    }

    /// <summary>
    /// A relay session has ended and Twilio asks how the call goes on. After our own <c>end</c> the customer
    /// says their closing line and the call is transferred or closed as in Gather mode; after a hang-up
    /// there is nothing to say; after a failure (the socket dropped, repeated garbage) the practice call is
    /// ended, with its debrief, and the trainee told so. Ending is idempotent, so this may race the socket.
    /// </summary>
    public async Task<TwimlResponse> RelayEndedAsync(TwilioCallForm call, string? sessionStatus, string? handoffData, CancellationToken ct)
    {
        var session = await practice.FindByExternalRefAsync(call.CallSid, ct);
        var handoff = RelayHandoff.Read(handoffData);
        using var scope = session is null ? null : SessionScope(session.SessionId, session.PersonaId);
        logger.LogInformation("Relay session {SessionStatus}: {Handoff}", sessionStatus ?? "(no status)", handoffData ?? "(no handoff data)");
        if (session is null) return Goodbye("Sorry, this practice call could not be found. Goodbye.");

        var hungUp = sessionStatus == "completed" || call.CallStatus == "completed";
        if (!session.IsOver)
        {
            var ended = await practice.EndAsync(session.SessionId, hungUp ? EndReason.AgentHungUp : EndReason.Abandoned, ct);
            await debriefLinks.SendAsync(session.Trainee, ended, ct);
            session = await practice.FindAsync(session.SessionId, ct) ?? session;
        }
        if (hungUp) return new TwimlResponse().Hangup();
        if (sessionStatus != "ended" || handoff is null)
        {
            logger.LogWarning("Relay session {SessionStatus} without our end; the practice call is over", sessionStatus);
            return Goodbye("Sorry, the practice line dropped. The call has ended, and your debrief is ready.");
        }
        var persona = personas.Find(session.PersonaId);
        var line = string.IsNullOrWhiteSpace(handoff.Closing) ? null : await audio.RenderAsync(persona, handoff.Closing, session.Anger, ct);
        return Closing(line, session.Outcome);
    }

    /// <summary>The problem's words and the facts' values help speech recognition; so do the call-control phrases.</summary>
    private static IReadOnlyList<string> Hints(PersonaDefinition? persona) =>
        persona is null ? [] :
        [.. persona.Scenario.Keywords, .. persona.Scenario.Facts.Select(f => f.Value), "supervisor", "transfer", "ending this call"];

    private TwimlResponse Closing(SpokenLine? line, CallOutcome outcome)
    {
        var response = new TwimlResponse();
        line?.AddTo(response);
        if (outcome == CallOutcome.Escalated && !string.IsNullOrWhiteSpace(Settings.SupervisorNumber))
        {
            logger.LogInformation("Escalated: transferring to the supervisor line {Supervisor}", PhoneNumberMasker.Mask(Settings.SupervisorNumber));
            return response.Dial(Settings.SupervisorNumber);
        }
        return response.Pause(1).Say($"The practice call has ended. Outcome: {outcome.ToId().Replace('_', ' ')}.").Hangup();
    }

    private async Task SendDebriefAsync(SessionInfo session, EndReason reason, CancellationToken ct)
    {
        var ended = await practice.EndAsync(session.SessionId, reason, ct);
        await debriefLinks.SendAsync(session.Trainee, ended, ct);
    }

    private static TwimlResponse Goodbye(string text) => new TwimlResponse().Say(text).Hangup();

    private IDisposable? SessionScope(string sessionId, string personaId) =>
        logger.BeginScope(new Dictionary<string, object> { ["SessionId"] = sessionId, ["Persona"] = personaId });
}
