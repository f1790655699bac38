using SimCaller.Core.Calls;

namespace SimCaller.Practice.Storage;

/// <summary>
/// Where practice calls live between turns. Every call's state is here, not in memory, so any
/// instance of the service on the same store can carry on any call. Implementations must make each
/// method atomic and safe to repeat, and report a database that fails or cannot be reached as
/// <see cref="StoreUnavailableException"/>; nothing here is tied to one database engine.
/// </summary>
public interface ISessionStore
{
    /// <summary>
    /// Stores a new session together with the customer's opening line (which keeps the session's starting mood snapshot). A session's external reference is
    /// unique: when another session already holds it, nothing is written and the result is false.
    /// </summary>
    Task<bool> CreateSessionAsync(SessionRecord session, TranscriptTurn opening, CancellationToken cancellationToken = default);

    Task<SessionRecord?> FindSessionAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>The session started with this channel reference (e.g. a Twilio CallSid); for data older than the
    /// unique reference, the most recent one.</summary>
    Task<SessionRecord?> FindSessionByExternalRefAsync(string externalRef, CancellationToken cancellationToken = default);

    /// <summary>Sessions, newest first.</summary>
    async Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(int limit, CancellationToken cancellationToken = default) =>
        (await QuerySessionsAsync(new SessionQuery(Limit: limit), cancellationToken)).Sessions;

    /// <summary>
    /// Sessions matching the query, newest first (by start, then id), one page of them with the total count.
    /// Records in a page leave out <see cref="SessionRecord.PersonaYaml"/>, which only a single-session read carries.
    /// </summary>
    Task<SessionPage<SessionRecord>> QuerySessionsAsync(SessionQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The session, all its turns with their snapshots and, when <paramref name="requestKey"/> is given,
    /// the stored result of that turn: everything a turn needs, in one read. Null for an unknown session.
    /// </summary>
    Task<StoredCall?> LoadCallAsync(string sessionId, string? requestKey = null, CancellationToken cancellationToken = default);

    /// <summary>The session's turns in call order.</summary>
    Task<IReadOnlyList<TranscriptTurn>> GetTurnsAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One transaction: appends the turns with their snapshots, replaces the session's snapshot, remembers
    /// the result under the request key and, when <see cref="TurnAppend.Ending"/> is set, ends the session
    /// and stores its debrief. Nothing is written unless the session is still open and still holds
    /// <see cref="TurnAppend.ExpectedTurnCount"/> turns, and the request key is new.
    /// </summary>
    Task<AppendResult> AppendAsync(string sessionId, TurnAppend append, CancellationToken cancellationToken = default);

    /// <summary><see cref="AppendAsync"/> for turns without per-turn snapshots that do not end the call.</summary>
    Task<AppendResult> AppendTurnsAsync(
        string sessionId,
        int expectedTurnCount,
        IReadOnlyList<TranscriptTurn> turns,
        string moodSnapshot,
        string? requestKey,
        string? resultJson,
        CancellationToken cancellationToken = default) =>
        AppendAsync(sessionId, new TurnAppend(expectedTurnCount, turns.Select(t => new StoredTurn(t)).ToArray(), moodSnapshot, requestKey, resultJson), cancellationToken);

    /// <summary>The stored result of an earlier turn with this request key, or null.</summary>
    Task<string?> FindTurnResultAsync(string sessionId, string requestKey, CancellationToken cancellationToken = default);

    Task<DebriefRecord?> FindDebriefAsync(string sessionId, CancellationToken cancellationToken = default);

    Task<DebriefRecord?> FindDebriefByTokenAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Stores a session code; false when the code is already taken.</summary>
    Task<bool> CreateCodeAsync(SessionCode code, CancellationToken cancellationToken = default);

    Task<SessionCode?> FindCodeAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Session codes, newest first.</summary>
    Task<IReadOnlyList<SessionCode>> ListCodesAsync(CancellationToken cancellationToken = default);
}
