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
    /// Stores a new session together with the customer's opening line. A session's external reference is
    /// unique: when another session already holds it, nothing is written and the result is false.
    /// </summary>
    Task<bool> CreateSessionAsync(SessionRecord session, TranscriptTurn opening, CancellationToken cancellationToken = default);

    Task<SessionRecord?> FindSessionAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>The session started with this channel reference (e.g. a Twilio CallSid); for data older than the
    /// unique reference, the most recent one.</summary>
    Task<SessionRecord?> FindSessionByExternalRefAsync(string externalRef, CancellationToken cancellationToken = default);

    /// <summary>Sessions, newest first.</summary>
    Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The session's turns in call order.</summary>
    Task<IReadOnlyList<TranscriptTurn>> GetTurnsAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends turns and replaces the mood snapshot in one transaction, and remembers the turn's result
    /// under its request key. Nothing is written unless the session is still open and still holds
    /// <paramref name="expectedTurnCount"/> turns, and the request key is new.
    /// </summary>
    Task<AppendResult> AppendTurnsAsync(
        string sessionId,
        int expectedTurnCount,
        IReadOnlyList<TranscriptTurn> turns,
        string moodSnapshot,
        string? requestKey,
        string? resultJson,
        CancellationToken cancellationToken = default);

    /// <summary>The stored result of an earlier turn with this request key, or null.</summary>
    Task<string?> FindTurnResultAsync(string sessionId, string requestKey, CancellationToken cancellationToken = default);

    /// <summary>Marks the session ended and stores its debrief; false (and no change) when it had already ended.</summary>
    Task<bool> EndSessionAsync(string sessionId, CallOutcome outcome, DateTimeOffset endedAt, DebriefRecord debrief, CancellationToken cancellationToken = default);

    Task<DebriefRecord?> FindDebriefAsync(string sessionId, CancellationToken cancellationToken = default);

    Task<DebriefRecord?> FindDebriefByTokenAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Stores a session code; false when the code is already taken.</summary>
    Task<bool> CreateCodeAsync(SessionCode code, CancellationToken cancellationToken = default);

    Task<SessionCode?> FindCodeAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Session codes, newest first.</summary>
    Task<IReadOnlyList<SessionCode>> ListCodesAsync(CancellationToken cancellationToken = default);
}
