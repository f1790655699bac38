using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Evaluation.Rendering;
using SimCaller.Evaluation.Rubrics;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using SimCaller.Practice.Engine;
using SimCaller.Practice.Internal;
using SimCaller.Practice.Storage;

namespace SimCaller.Practice;

/// <summary>
/// Practice calls for any channel (terminal, phone, browser, streaming). Holds no call in memory: each
/// turn is load (the session and its turns in one read), <see cref="TurnEngine"/>, save (the turns, their
/// snapshots, the new state and, on the last turn, the ending and debrief in one transaction), so any
/// instance on the same store can carry on any call, and a crash loses at most the turn in flight.
/// A session keeps the persona file it was started with; its turns and reviews use that copy.
/// </summary>
public sealed class PracticeService
{
    private const int MaxCodeAttempts = 5;
    private const int MaxEndAttempts = 3;

    private readonly PersonaCatalog _personas;
    private readonly ICustomerVoice _voice;
    private readonly ITurnAnalyzer _analyzer;
    private readonly DebriefBuilder _debriefs;
    private readonly Rubric _rubric;
    private readonly string _rubricHash;
    private readonly ISessionStore _store;
    private readonly TimeProvider _time;
    private readonly DebriefJudge? _judge;
    private readonly ILogger<PracticeService> _logger;
    private readonly ConcurrentDictionary<string, PersonaDefinition> _storedPersonas = new(StringComparer.Ordinal);

    /// <param name="analyzer">The local analyser that labels live turns and so drives the customer's mood.</param>
    /// <param name="judge">When set, labels the trainee's turns again after the call, for the debrief only.</param>
    public PracticeService(
        PersonaCatalog personas,
        ICustomerVoice voice,
        ITurnAnalyzer analyzer,
        DebriefBuilder debriefs,
        Rubric rubric,
        ISessionStore store,
        TimeProvider time,
        ILogger<PracticeService>? logger = null,
        DebriefJudge? judge = null)
    {
        _personas = personas;
        _voice = voice;
        _analyzer = analyzer;
        _debriefs = debriefs;
        _rubric = rubric;
        _rubricHash = Fingerprint.Of(JsonSerializer.Serialize(rubric with { SourceFile = "" }))!;
        _store = store;
        _time = time;
        _judge = judge;
        _logger = logger ?? NullLogger<PracticeService>.Instance;
    }

    /// <summary>The id of the rubric new sessions are scored with.</summary>
    public string RubricId => _rubric.Id;

    /// <summary>SHA-256 of that rubric's content, as new sessions record it.</summary>
    public string RubricHash => _rubricHash;

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
        var engine = new TurnEngine(persona, difficulty, seed);
        var state = engine.Start();
        var opening = await _voice.ReplyAsync(engine.Opening(state), ct);

        var now = _time.GetUtcNow();
        var code = string.IsNullOrWhiteSpace(request.Code) ? null : request.Code.Trim();
        // A call from a code belongs to the code's organisation, whichever channel it came in on.
        var organisationId = request.OrganisationId
            ?? (code is null ? null : (await _store.FindCodeAsync(code, ct))?.OrganisationId)
            ?? Organisations.DefaultId;
        var session = new SessionRecord(
            RandomIds.SessionId(), persona.Id, persona.Name, difficulty, seed, request.Channel, request.Trainee, request.ExternalRef,
            now, null, CallOutcome.InProgress, state.Anger, PracticeJson.Serialize(state), TurnCount: 1, state.Anger, Mood(state).ToId(),
            PersonaHash: Fingerprint.Of(persona.SourceText), PersonaYaml: persona.SourceText, RubricId: _rubric.Id, RubricHash: _rubricHash,
            Analyser: _analyzer.Version, Code: code, OrganisationId: organisationId,
            AccountId: request.AccountId, CallTokenHash: request.CallTokenHash);
        var openingTurn = new TranscriptTurn(1, now, Speaker.Customer, opening, state.Anger, Mood(state).ToId(), []);
        if (!await _store.CreateSessionAsync(session, openingTurn, ct))
        {
            // Another request with this reference stored its session first: that one is the call.
            return await StartedByAsync(request.ExternalRef!, ct)
                ?? throw new PracticeException($"The session started by '{request.ExternalRef}' is missing.");
        }
        _logger.LogInformation("Session {SessionId} started: {Persona} ({Difficulty}, seed {Seed}) on {Channel}",
            session.Id, persona.Id, difficulty, seed, request.Channel);
        return new SessionStarted(session.Id, persona.Id, persona.Name, difficulty, seed, opening, state.Anger, Mood(state));
    }

    /// <summary>
    /// One trainee turn and the customer's answer. On the turn that ends the call the result carries the
    /// ending and its debrief (<see cref="TurnResult.Ended"/>); the call is then already over in the store.
    /// </summary>
    public async Task<TurnResult> TakeTurnAsync(string sessionId, TraineeTurn turn, CancellationToken ct = default)
    {
        var prepared = await PrepareTurnAsync(sessionId, turn, ct);
        if (prepared.Stored is { } stored)
        {
            return stored;
        }
        var reply = await _voice.ReplyAsync(prepared.Step!.Reply!, ct);
        return await CommitTurnAsync(prepared, reply, ct);
    }

    /// <summary>
    /// One trainee turn whose answer is streamed: the mood has moved and the reply is being written, but
    /// nothing is stored until <see cref="StreamingTurn.CommitAsync"/> says what the customer actually
    /// said (all of it, or as far as they got before the trainee cut in). Errors as <see cref="TakeTurnAsync"/>.
    /// </summary>
    public async Task<StreamingTurn> BeginTurnAsync(string sessionId, TraineeTurn turn, CancellationToken ct = default)
    {
        var prepared = await PrepareTurnAsync(sessionId, turn, ct);
        return prepared.Stored is { } stored
            ? new StreamingTurn(stored, OneChunk(stored.CustomerLine), (_, _) => Task.FromResult(stored))
            : new StreamingTurn(prepared.Preview!, _voice.StreamReplyAsync(prepared.Step!.Reply!, ct), (said, c) => CommitTurnAsync(prepared, said, c));
    }

    private static async IAsyncEnumerable<string> OneChunk(string line)
    {
        await Task.CompletedTask;
        yield return line;
    }

    /// <summary>A turn worked out but not stored: the engine's step, or the stored result of a repeated request.</summary>
    private sealed record PreparedTurn(
        string SessionId, TraineeTurn Turn, SessionRecord? Session, PersonaDefinition? Persona, IReadOnlyList<TranscriptTurn> History,
        TraineeLine? Line, UtteranceAnalysis? Analysis, TurnStep? Step, DateTimeOffset Now, TurnResult? Stored, TurnResult? Preview);

    private async Task<PreparedTurn> PrepareTurnAsync(string sessionId, TraineeTurn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var call = await RequireCallAsync(sessionId, turn.RequestKey, ct);
        if (call.RequestResult is { } stored)
        {
            return new PreparedTurn(sessionId, turn, null, null, [], null, null, null, default, await ReplayAsync(call.Session, stored, ct), null);
        }
        var session = call.Session;
        if (session.EndedAt is not null)
        {
            throw new SessionEndedException(sessionId, session.Outcome);
        }

        var persona = PersonaOf(session);
        var engine = new TurnEngine(persona, session.Difficulty, session.Seed);
        var before = StateOf(session);
        if (engine.IsOver(before))
        {
            // A store written before endings and turns shared a transaction: finish what was decided.
            var ended = await EndAsync(sessionId, EndReason.Completed, ct);
            throw new SessionEndedException(sessionId, ended.Outcome);
        }

        var now = _time.GetUtcNow();
        var history = call.Transcript;
        var line = TurnEngine.Read(turn.Text, turn.Events, turn.HoldStartedAt is { } holdStart ? now - holdStart : null);
        var analysis = line.NeedsAnalysis
            ? await _analyzer.AnalyzeAsync(
                line.Text,
                engine.AnalysisContextFor(history),
                ct)
            : UtteranceAnalysis.Empty(line.Text);
        var step = engine.Step(before, line, analysis, now - session.StartedAt, history);
        var preview = new TurnResult("", step.Anger, step.Mood, step.Outcome, analysis, step.Update, Replayed: false);
        return new PreparedTurn(sessionId, turn, session, persona, history, line, analysis, step, now, null, preview);
    }

    private async Task<TurnResult> CommitTurnAsync(PreparedTurn prepared, string reply, CancellationToken ct)
    {
        var (sessionId, turn, session, persona, history, line, analysis, step, now) =
            (prepared.SessionId, prepared.Turn, prepared.Session!, prepared.Persona!, prepared.History, prepared.Line!, prepared.Analysis!, prepared.Step!, prepared.Now);
        var mood = step.Mood.ToId();
        var after = PracticeJson.Serialize(step.After);
        var traineeTurn = new TranscriptTurn(session.TurnCount + 1, now, Speaker.Trainee, line.Text, step.Anger, mood, analysis.Matches, step.Events);
        var customerTurn = new TranscriptTurn(session.TurnCount + 2, _time.GetUtcNow(), Speaker.Customer, reply, step.Anger, mood, []);
        var result = new TurnResult(reply, step.Anger, step.Mood, step.Outcome, analysis, step.Update, Replayed: false);

        CallEnding? ending = null;
        SessionEnded? end = null;
        if (step.IsOver)
        {
            // The debrief reads the call's state from the session, so it must see this turn's.
            (ending, end) = await EndingAsync(session with { MoodSnapshot = after }, persona, step.Outcome, [.. history, traineeTurn, customerTurn], ct);
        }
        var appended = await _store.AppendAsync(sessionId, new TurnAppend(
            session.TurnCount,
            [new StoredTurn(traineeTurn, after, line.Hold?.TotalSeconds), new StoredTurn(customerTurn, after)],
            after,
            turn.RequestKey,
            turn.RequestKey is null ? null : PracticeJson.Serialize(result),
            ending), ct);
        switch (appended)
        {
            case AppendResult.DuplicateRequest:
                var again = await RequireCallAsync(sessionId, turn.RequestKey, ct);
                return again.RequestResult is { } replay
                    ? await ReplayAsync(again.Session, replay, ct)
                    : throw new PracticeException($"The stored result of turn '{turn.RequestKey}' on session '{sessionId}' is missing.");
            case AppendResult.Conflict:
                var latest = await RequireSessionAsync(sessionId, ct);
                throw latest.EndedAt is not null
                    ? new SessionEndedException(sessionId, latest.Outcome)
                    : new PracticeException($"Another turn on session '{sessionId}' was taken at the same moment; send this one again.");
        }
        if (end is not null)
        {
            _logger.LogInformation("Session {SessionId} ended: {Outcome}, score {Score}", sessionId, end.Outcome.ToId(), end.Debrief.Score);
        }
        return result with { Ended = end };
    }

    /// <summary>
    /// Ends the call from outside the conversation (a button, a dropped line, the customer hanging up).
    /// The ending goes through the engine, so the stored state says the call is over. Ending an ended call
    /// returns its stored debrief.
    /// </summary>
    public async Task<SessionEnded> EndAsync(string sessionId, EndReason reason, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < MaxEndAttempts; attempt++)
        {
            var call = await RequireCallAsync(sessionId, null, ct);
            var session = call.Session;
            if (session.EndedAt is not null)
            {
                return await StoredEndAsync(session, ct);
            }
            var persona = PersonaOf(session);
            var engine = new TurnEngine(persona, session.Difficulty, session.Seed);
            var before = StateOf(session);
            var step = engine.IsOver(before)
                ? engine.End(before, EndReason.Completed) // already decided: the machine keeps its outcome
                : engine.End(before, reason);
            var final = PracticeJson.Serialize(step.After);
            var (ending, ended) = await EndingAsync(session with { MoodSnapshot = final }, persona, step.Outcome, call.Transcript, ct);
            var appended = await _store.AppendAsync(sessionId, new TurnAppend(session.TurnCount, [], final, Ending: ending), ct);
            if (appended == AppendResult.Appended)
            {
                _logger.LogInformation("Session {SessionId} ended: {Outcome}, score {Score}", sessionId, ended.Outcome.ToId(), ended.Debrief.Score);
                return ended;
            }
            // A turn or another instance's end got there first: read again and end what is there now.
        }
        throw new PracticeException($"Session '{sessionId}' kept changing while it was being ended; try again.");
    }

    public async Task<SessionInfo?> FindAsync(string sessionId, CancellationToken ct = default) =>
        await _store.FindSessionAsync(sessionId, ct) is { } session ? ToInfo(session) : null;

    public async Task<SessionInfo?> FindByExternalRefAsync(string externalRef, CancellationToken ct = default) =>
        await _store.FindSessionByExternalRefAsync(externalRef, ct) is { } session ? ToInfo(session) : null;

    /// <summary>Stored sessions, newest first.</summary>
    public async Task<IReadOnlyList<SessionInfo>> ListSessionsAsync(int limit = 20, CancellationToken ct = default) =>
        (await QuerySessionsAsync(new SessionQuery(Limit: limit), ct)).Sessions;

    /// <summary>Stored sessions matching the filters, newest first, one page with the total count.</summary>
    /// <exception cref="ArgumentException">Offset below 0, limit below 1, or a range whose start is after its end.</exception>
    public async Task<SessionPage<SessionInfo>> QuerySessionsAsync(SessionQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0) throw new ArgumentException($"offset must be 0 or more, not {query.Offset}.", nameof(query));
        if (query.Limit < 1) throw new ArgumentException($"limit must be at least 1, not {query.Limit}.", nameof(query));
        if (query.From > query.To) throw new ArgumentException("the 'from' date is after the 'to' date.", nameof(query));
        if (query.MinScore > query.MaxScore) throw new ArgumentException("the minimum score is above the maximum score.", nameof(query));
        var page = await _store.QuerySessionsAsync(query, ct);
        return new SessionPage<SessionInfo>(page.Sessions.Select(ToInfo).ToArray(), page.Total, page.Offset, page.Limit);
    }

    /// <summary>The call so far (or the whole call), as the debrief sees it, with the persona it was played with.</summary>
    public async Task<CallTranscript> GetTranscriptAsync(string sessionId, CancellationToken ct = default)
    {
        var call = await RequireCallAsync(sessionId, null, ct);
        return ToTranscript(call.Session, TryPersonaOf(call.Session), call.Session.Outcome, call.Session.EndedAt, call.Transcript);
    }

    /// <summary>
    /// Everything stored about a call: the session (with the persona file it was played with), every turn
    /// with the mood snapshot after it and its labels. What a replay restores from.
    /// </summary>
    public async Task<StoredCall?> FindCallAsync(string sessionId, CancellationToken ct = default) =>
        await _store.LoadCallAsync(sessionId ?? "", null, ct);

    /// <summary>The engine a stored session was played with: its persona as it was then (the stored copy), difficulty and seed.</summary>
    /// <exception cref="PracticeException">The stored persona no longer loads, or an old session's persona is gone.</exception>
    public TurnEngine EngineFor(SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new TurnEngine(PersonaOf(session), session.Difficulty, session.Seed);
    }

    public async Task<StoredDebrief?> FindDebriefAsync(string sessionId, CancellationToken ct = default) =>
        await _store.FindDebriefAsync(sessionId, ct) is { } record ? ToStored(record) : null;

    public async Task<StoredDebrief?> FindDebriefByTokenAsync(string token, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(token) ? null
        : await _store.FindDebriefByTokenAsync(token.Trim(), ct) is { } record ? ToStored(record) : null;

    /// <param name="organisationId">Whose code it is (and so whose calls started from it are); null for the default organisation.</param>
    public async Task<SessionCode> CreateCodeAsync(
        string personaId, string? difficulty, int? seed, string? label, CancellationToken ct = default, string? organisationId = null)
    {
        var (persona, level) = ResolvePersona(personaId, difficulty);
        var fixedSeed = seed ?? RandomIds.Seed();
        var trimmedLabel = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var code = new SessionCode(RandomIds.Code(), persona.Id, level, fixedSeed, trimmedLabel, _time.GetUtcNow(), organisationId ?? Organisations.DefaultId);
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

    /// <summary>The session's own copy of its persona; sessions stored before copies were kept use today's file.</summary>
    private PersonaDefinition PersonaOf(SessionRecord session) =>
        TryPersonaOf(session)
        ?? throw new PracticeException($"Session '{session.Id}' uses persona '{session.PersonaId}', which is no longer loaded.");

    private PersonaDefinition? TryPersonaOf(SessionRecord session)
    {
        if (string.IsNullOrEmpty(session.PersonaYaml))
        {
            return _personas.Find(session.PersonaId);
        }
        var key = session.PersonaHash ?? Fingerprint.Of(session.PersonaYaml)!;
        return _storedPersonas.GetOrAdd(key, _ =>
        {
            var loaded = PersonaLoader.ParseText(session.PersonaYaml, $"session {session.Id} (persona {session.PersonaId})");
            return loaded.Personas.FirstOrDefault() ?? throw new PracticeException(
                $"Session '{session.Id}' holds a copy of persona '{session.PersonaId}' that no longer loads: "
                + string.Join("; ", loaded.Problems.Select(p => p.ToString())));
        });
    }

    private async Task<SessionRecord> RequireSessionAsync(string sessionId, CancellationToken ct) =>
        await _store.FindSessionAsync(sessionId ?? "", ct) ?? throw new SessionNotFoundException(sessionId ?? "");

    private async Task<StoredCall> RequireCallAsync(string sessionId, string? requestKey, CancellationToken ct) =>
        await _store.LoadCallAsync(sessionId ?? "", requestKey, ct) ?? throw new SessionNotFoundException(sessionId ?? "");

    private static MoodSnapshot StateOf(SessionRecord session) =>
        PracticeJson.Deserialize<MoodSnapshot>(session.MoodSnapshot, "mood snapshot");

    private static MoodState Mood(MoodSnapshot state) => MoodStateIds.FromAnger(state.Anger);

    /// <summary>A retried turn: its stored result, and on the last turn the stored debrief too.</summary>
    private async Task<TurnResult> ReplayAsync(SessionRecord session, string json, CancellationToken ct)
    {
        var result = PracticeJson.Deserialize<TurnResult>(json, "turn result") with { Replayed = true };
        return result.IsOver && session.EndedAt is not null
            ? result with { Ended = await StoredEndAsync(session, ct) }
            : result;
    }

    /// <summary>The debrief of a call that ends now, ready to be stored with its last write.</summary>
    private async Task<(CallEnding Ending, SessionEnded Ended)> EndingAsync(
        SessionRecord session, PersonaDefinition persona, CallOutcome outcome, IReadOnlyList<TranscriptTurn> turns, CancellationToken ct)
    {
        var endedAt = _time.GetUtcNow();
        // The judge's labels are for the debrief only; the stored turns keep the ones that moved the mood.
        var judged = _judge is null ? turns : await _judge.RelabelAsync(turns, persona.Scenario.Keywords, ct);
        var debrief = _debriefs.Build(ToTranscript(session, persona, outcome, endedAt, judged));
        var record = new DebriefRecord(session.Id, RandomIds.Token(), endedAt, debrief.Score, DebriefJson.Serialize(debrief));
        return (new CallEnding(outcome, endedAt, record), new SessionEnded(session.Id, outcome, debrief, record.Token));
    }

    private async Task<SessionEnded> StoredEndAsync(SessionRecord session, CancellationToken ct)
    {
        var stored = await FindDebriefAsync(session.Id, ct)
            ?? throw new PracticeException($"Session '{session.Id}' has ended but its debrief is missing.");
        return new SessionEnded(session.Id, session.Outcome, stored.Debrief, stored.Token);
    }

    /// <summary>A stored session's call as the debrief sees it, with other turns and ending (a replay's).</summary>
    internal CallTranscript TranscriptOf(SessionRecord session, CallOutcome outcome, DateTimeOffset? endedAt, IReadOnlyList<TranscriptTurn> turns) =>
        ToTranscript(session, TryPersonaOf(session), outcome, endedAt, turns);

    private static CallTranscript ToTranscript(
        SessionRecord session, PersonaDefinition? persona, CallOutcome outcome, DateTimeOffset? endedAt, IReadOnlyList<TranscriptTurn> turns) =>
        new(session.Id, session.PersonaId, session.PersonaName, session.Difficulty, session.Seed, session.StartedAt, endedAt, outcome,
            session.StartingAnger, turns, persona?.Scenario.Keywords, persona?.Rubric.Disable, persona?.Rubric.Enable,
            persona is null ? null : MissingNeedParts(persona, session), persona?.ToCallScenario(),
            session.PersonaHash, session.RubricHash, session.Code, session.Channel);

    /// <summary>The parts of a several-part need the snapshot has not seen offered; none when it cannot be read.</summary>
    private static IReadOnlyList<string> MissingNeedParts(PersonaDefinition persona, SessionRecord session)
    {
        if (!persona.Needs.IsAllOf())
        {
            return [];
        }
        try
        {
            var snapshot = PracticeJson.Deserialize<MoodSnapshot>(session.MoodSnapshot, "mood snapshot");
            return snapshot.CoreNeedMet ? [] : persona.Needs.MissingParts(snapshot.CorePartsMet ?? []);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
        {
            return []; // the debrief is still worth having without it
        }
    }

    private static StoredDebrief ToStored(DebriefRecord record) =>
        new(record.SessionId, record.Token, record.CreatedAt, DebriefJson.Deserialize(record.Json));

    private static SessionInfo ToInfo(SessionRecord s) => new(
        s.Id, s.PersonaId, s.PersonaName, s.Difficulty, s.Seed, s.Channel, s.Trainee, s.ExternalRef, s.StartedAt, s.EndedAt, s.Outcome,
        s.Anger, MoodStateIds.TryParse(s.Mood, out var mood) ? mood : MoodStateIds.FromAnger(s.Anger), s.TurnCount, s.Score, s.DebriefToken,
        s.PersonaHash, s.RubricId, s.RubricHash, s.Analyser, s.Code, s.OrganisationId, s.AccountId, s.CallTokenHash);
}
