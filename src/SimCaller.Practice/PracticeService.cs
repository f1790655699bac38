using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rendering;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using SimCaller.Practice.CallControl;
using SimCaller.Practice.Internal;
using SimCaller.Practice.Storage;

namespace SimCaller.Practice;

/// <summary>
/// Practice calls for any channel (terminal, phone, browser). Holds no call in memory: each turn
/// rehydrates the persona and mood machine from the store and writes both lines and the new mood in
/// one transaction, so any instance on the same store can carry on any call, and a crash loses at
/// most the turn in flight.
/// </summary>
public sealed class PracticeService
{
    private const int MaxCodeAttempts = 5;

    private readonly PersonaCatalog _personas;
    private readonly ICustomerVoice _voice;
    private readonly ITurnAnalyzer _analyzer;
    private readonly DebriefBuilder _debriefs;
    private readonly ISessionStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<PracticeService> _logger;

    public PracticeService(
        PersonaCatalog personas,
        ICustomerVoice voice,
        ITurnAnalyzer analyzer,
        DebriefBuilder debriefs,
        ISessionStore store,
        TimeProvider time,
        ILogger<PracticeService>? logger = null)
    {
        _personas = personas;
        _voice = voice;
        _analyzer = analyzer;
        _debriefs = debriefs;
        _store = store;
        _time = time;
        _logger = logger ?? NullLogger<PracticeService>.Instance;
    }

    /// <summary>
    /// Starts a call. Idempotent per <see cref="StartSessionRequest.ExternalRef"/>: a request whose reference
    /// already started a session (a retried webhook, even one racing the first) gets that session and its
    /// opening line back, marked <see cref="SessionStarted.Replayed"/>.
    /// </summary>
    public async Task<SessionStarted> StartAsync(StartSessionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ExternalRef is not null && await StartedByAsync(request.ExternalRef, ct) is { } earlier)
        {
            return earlier;
        }
        var (persona, difficulty) = ResolvePersona(request.PersonaId, request.Difficulty);
        var seed = request.Seed ?? RandomIds.Seed();
        var machine = MoodMachine.Create(persona, difficulty, seed);
        var opening = await _voice.ReplyAsync(
            new CustomerReplyRequest(persona, difficulty, seed, 0, machine.Anger, machine.State, null, []), ct);

        var now = _time.GetUtcNow();
        var session = new SessionRecord(
            RandomIds.SessionId(), persona.Id, persona.Name, difficulty, seed, request.Channel, request.Trainee, request.ExternalRef,
            now, null, CallOutcome.InProgress, machine.Anger, Snapshot(machine), TurnCount: 1, machine.Anger, machine.State.ToId());
        var openingTurn = new TranscriptTurn(1, now, Speaker.Customer, opening, machine.Anger, machine.State.ToId(), []);
        if (!await _store.CreateSessionAsync(session, openingTurn, ct))
        {
            // Another request with this reference stored its session first: that one is the call.
            return await StartedByAsync(request.ExternalRef!, ct)
                ?? throw new PracticeException($"The session started by '{request.ExternalRef}' is missing.");
        }
        _logger.LogInformation("Session {SessionId} started: {Persona} ({Difficulty}, seed {Seed}) on {Channel}",
            session.Id, persona.Id, difficulty, seed, request.Channel);
        return new SessionStarted(session.Id, persona.Id, persona.Name, difficulty, seed, opening, machine.Anger, machine.State);
    }

    public async Task<TurnResult> TakeTurnAsync(string sessionId, TraineeTurn turn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var session = await RequireSessionAsync(sessionId, ct);
        if (turn.RequestKey is not null && await FindReplayAsync(sessionId, turn.RequestKey, ct) is { } replay)
        {
            return replay;
        }
        if (session.EndedAt is not null)
        {
            throw new SessionEndedException(sessionId, session.Outcome);
        }

        var persona = RequirePersona(session);
        var machine = Restore(persona, session);
        if (machine.IsOver)
        {
            // The deciding turn was stored but the process stopped before the debrief: finish that now.
            await FinishAsync(session, persona, machine.Outcome, ct);
            throw new SessionEndedException(sessionId, machine.Outcome);
        }

        var turns = await _store.GetTurnsAsync(sessionId, ct);
        var now = _time.GetUtcNow();
        var text = (turn.Text ?? "").Trim();
        // Saying nothing is silence, unless the trainee put the customer on hold: that is its own event.
        var events = text.Length == 0 && !turn.Events.HasFlag(CallEvents.LongHold) ? turn.Events | CallEvents.Silence : turn.Events;
        var analysis = text.Length == 0
            ? UtteranceAnalysis.Empty("")
            : await _analyzer.AnalyzeAsync(
                text,
                new AnalysisContext(turns.LastOrDefault(t => t.Speaker == Speaker.Customer)?.Text, persona.Scenario.Keywords),
                ct);

        var update = machine.Apply(analysis, events, now - session.StartedAt);
        update = ApplyCallControl(machine, update, CallControlDetector.Detect(text));

        var history = turns.Select(t => (t.Speaker, t.Text)).Append((Speaker.Trainee, text)).ToArray();
        var customerTurnNumber = turns.Count(t => t.Speaker == Speaker.Customer);
        var reply = await _voice.ReplyAsync(
            new CustomerReplyRequest(persona, session.Difficulty, session.Seed, customerTurnNumber, machine.Anger, machine.State, update, history), ct);

        var mood = machine.State.ToId();
        var traineeTurn = new TranscriptTurn(session.TurnCount + 1, now, Speaker.Trainee, text, machine.Anger, mood, analysis.Matches, events);
        var customerTurn = new TranscriptTurn(session.TurnCount + 2, _time.GetUtcNow(), Speaker.Customer, reply, machine.Anger, mood, []);
        var result = new TurnResult(reply, machine.Anger, machine.State, machine.Outcome, analysis, update, Replayed: false);

        var appended = await _store.AppendTurnsAsync(
            sessionId, session.TurnCount, [traineeTurn, customerTurn], Snapshot(machine), turn.RequestKey,
            turn.RequestKey is null ? null : PracticeJson.Serialize(result), ct);
        switch (appended)
        {
            case AppendResult.DuplicateRequest:
                return await FindReplayAsync(sessionId, turn.RequestKey!, ct)
                    ?? throw new PracticeException($"The stored result of turn '{turn.RequestKey}' on session '{sessionId}' is missing.");
            case AppendResult.Conflict:
                var latest = await RequireSessionAsync(sessionId, ct);
                throw latest.EndedAt is not null
                    ? new SessionEndedException(sessionId, latest.Outcome)
                    : new PracticeException($"Another turn on session '{sessionId}' was taken at the same moment; send this one again.");
        }

        if (machine.IsOver)
        {
            await FinishAsync(session, persona, machine.Outcome, ct);
        }
        return result;
    }

    public async Task<SessionEnded> EndAsync(string sessionId, EndReason reason, CancellationToken ct = default)
    {
        var session = await RequireSessionAsync(sessionId, ct);
        if (session.EndedAt is not null)
        {
            return await StoredEndAsync(session, ct);
        }
        var persona = RequirePersona(session);
        var machine = Restore(persona, session);
        var outcome = machine.IsOver ? machine.Outcome : EndOutcome(machine, reason);
        return await FinishAsync(session, persona, outcome, ct);
    }

    public async Task<SessionInfo?> FindAsync(string sessionId, CancellationToken ct = default) =>
        await _store.FindSessionAsync(sessionId, ct) is { } session ? ToInfo(session) : null;

    public async Task<SessionInfo?> FindByExternalRefAsync(string externalRef, CancellationToken ct = default) =>
        await _store.FindSessionByExternalRefAsync(externalRef, ct) is { } session ? ToInfo(session) : null;

    /// <summary>Stored sessions, newest first.</summary>
    public async Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(int limit = 20, CancellationToken ct = default) =>
        (await _store.ListSessionsAsync(limit, ct)).Select(ToInfo).ToArray();

    /// <summary>The call so far (or the whole call), as the debrief sees it.</summary>
    public async Task<CallTranscript> GetTranscriptAsync(string sessionId, CancellationToken ct = default)
    {
        var session = await RequireSessionAsync(sessionId, ct);
        return ToTranscript(session, _personas.Find(session.PersonaId), session.Outcome, session.EndedAt, await _store.GetTurnsAsync(sessionId, ct));
    }

    public async Task<StoredDebrief?> FindDebriefAsync(string sessionId, CancellationToken ct = default) =>
        await _store.FindDebriefAsync(sessionId, ct) is { } record ? ToStored(record) : null;

    public async Task<StoredDebrief?> FindDebriefByTokenAsync(string token, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(token) ? null
        : await _store.FindDebriefByTokenAsync(token.Trim(), ct) is { } record ? ToStored(record) : null;

    public async Task<SessionCode> CreateCodeAsync(string personaId, string? difficulty, int? seed, string? label, CancellationToken ct = default)
    {
        var (persona, level) = ResolvePersona(personaId, difficulty);
        var fixedSeed = seed ?? RandomIds.Seed();
        var trimmedLabel = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var code = new SessionCode(RandomIds.Code(), persona.Id, level, fixedSeed, trimmedLabel, _time.GetUtcNow());
            if (await _store.CreateCodeAsync(code, ct))
            {
                return code;
            }
        }
        throw new PracticeException("Could not find a free session code; too many codes exist. Try again.");
    }

    /// <param name="code">As the user typed it; spaces and dashes are ignored.</param>
    public Task<SessionCode?> FindCodeAsync(string code, CancellationToken ct = default)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        return digits.Length == 0 ? Task.FromResult<SessionCode?>(null) : _store.FindCodeAsync(digits, ct);
    }

    /// <summary>Session codes, newest first.</summary>
    public Task<IReadOnlyList<SessionCode>> ListCodesAsync(CancellationToken ct = default) => _store.ListCodesAsync(ct);

    /// <summary>The session this reference started, answered as its start was; null when there is none.</summary>
    private async Task<SessionStarted?> StartedByAsync(string externalRef, CancellationToken ct)
    {
        if (await _store.FindSessionByExternalRefAsync(externalRef, ct) is not { } session)
        {
            return null;
        }
        var opening = (await _store.GetTurnsAsync(session.Id, ct)).FirstOrDefault(t => t.Speaker == Speaker.Customer);
        var mood = MoodStateIds.TryParse(opening?.Mood ?? "", out var parsed) ? parsed : MoodStateIds.FromAnger(session.StartingAnger);
        return new SessionStarted(session.Id, session.PersonaId, session.PersonaName, session.Difficulty, session.Seed,
            opening?.Text ?? "", session.StartingAnger, mood, Replayed: true);
    }

    private (PersonaDefinition Persona, string Difficulty) ResolvePersona(string personaId, string? difficulty)
    {
        var persona = _personas.Find(personaId?.Trim() ?? "") ?? throw new UnknownPersonaException(personaId ?? "", _personas.Ids);
        if (!persona.TryResolveDifficulty(difficulty, out _))
        {
            throw new UnknownDifficultyException(persona.Id, difficulty ?? "", persona.DifficultyNames());
        }
        return (persona, persona.CanonicalDifficulty(difficulty));
    }

    private PersonaDefinition RequirePersona(SessionRecord session) =>
        _personas.Find(session.PersonaId)
        ?? throw new PracticeException($"Session '{session.Id}' uses persona '{session.PersonaId}', which is no longer loaded.");

    private async Task<SessionRecord> RequireSessionAsync(string sessionId, CancellationToken ct) =>
        await _store.FindSessionAsync(sessionId ?? "", ct) ?? throw new SessionNotFoundException(sessionId ?? "");

    private static MoodMachine Restore(PersonaDefinition persona, SessionRecord session) =>
        MoodMachine.Restore(persona, session.Difficulty, session.Seed, PracticeJson.Deserialize<MoodSnapshot>(session.MoodSnapshot, "mood snapshot"));

    private static string Snapshot(MoodMachine machine) => PracticeJson.Serialize(machine.Snapshot());

    private async Task<TurnResult?> FindReplayAsync(string sessionId, string requestKey, CancellationToken ct) =>
        await _store.FindTurnResultAsync(sessionId, requestKey, ct) is { } json
            ? PracticeJson.Deserialize<TurnResult>(json, "turn result") with { Replayed = true }
            : null;

    /// <summary>
    /// A transfer or hang-up said in words acts after the words themselves count (a boundary, then
    /// "I'm ending this call"); the reply then answers the ending.
    /// </summary>
    private static MoodUpdate ApplyCallControl(MoodMachine machine, MoodUpdate update, CallControlAction control)
    {
        if (machine.IsOver || control == CallControlAction.None)
        {
            return update;
        }
        var ending = control == CallControlAction.Transfer ? machine.Transfer() : machine.AgentEndsCall();
        return update with
        {
            Outcome = ending.Outcome,
            Reaction = ending.Reaction,
            Reasons = [.. update.Reasons, .. ending.Reasons],
        };
    }

    private static CallOutcome EndOutcome(MoodMachine machine, EndReason reason)
    {
        switch (reason)
        {
            case EndReason.Transferred:
                machine.Transfer();
                break;
            case EndReason.AgentHungUp:
                machine.AgentEndsCall();
                break;
            case EndReason.TimeUp:
                machine.TimeUp();
                break;
            case EndReason.CustomerHungUp:
                return CallOutcome.HungUp;
            default:
                machine.Abandon();
                break;
        }
        return machine.Outcome;
    }

    private async Task<SessionEnded> FinishAsync(SessionRecord session, PersonaDefinition persona, CallOutcome outcome, CancellationToken ct)
    {
        var endedAt = _time.GetUtcNow();
        var turns = await _store.GetTurnsAsync(session.Id, ct);
        var debrief = _debriefs.Build(ToTranscript(session, persona, outcome, endedAt, turns));
        var record = new DebriefRecord(session.Id, RandomIds.Token(), endedAt, debrief.Score, DebriefJson.Serialize(debrief));
        if (!await _store.EndSessionAsync(session.Id, outcome, endedAt, record, ct))
        {
            // Another instance ended it first; theirs is the debrief of record.
            return await StoredEndAsync(await RequireSessionAsync(session.Id, ct), ct);
        }
        _logger.LogInformation("Session {SessionId} ended: {Outcome}, score {Score}", session.Id, outcome.ToId(), debrief.Score);
        return new SessionEnded(session.Id, outcome, debrief, record.Token);
    }

    private async Task<SessionEnded> StoredEndAsync(SessionRecord session, CancellationToken ct)
    {
        var stored = await FindDebriefAsync(session.Id, ct)
            ?? throw new PracticeException($"Session '{session.Id}' has ended but its debrief is missing.");
        return new SessionEnded(session.Id, session.Outcome, stored.Debrief, stored.Token);
    }

    private static CallTranscript ToTranscript(
        SessionRecord session, PersonaDefinition? persona, CallOutcome outcome, DateTimeOffset? endedAt, IReadOnlyList<TranscriptTurn> turns) =>
        new(session.Id, session.PersonaId, session.PersonaName, session.Difficulty, session.Seed, session.StartedAt, endedAt, outcome,
            session.StartingAnger, turns, persona?.Scenario.Keywords, persona?.Rubric.Disable, persona?.Rubric.Enable);

    private static StoredDebrief ToStored(DebriefRecord record) =>
        new(record.SessionId, record.Token, record.CreatedAt, DebriefJson.Deserialize(record.Json));

    private static SessionInfo ToInfo(SessionRecord s) => new(
        s.Id, s.PersonaId, s.PersonaName, s.Difficulty, s.Seed, s.Channel, s.Trainee, s.ExternalRef, s.StartedAt, s.EndedAt, s.Outcome,
        s.Anger, MoodStateIds.TryParse(s.Mood, out var mood) ? mood : MoodStateIds.FromAnger(s.Anger), s.TurnCount, s.Score, s.DebriefToken);
}
