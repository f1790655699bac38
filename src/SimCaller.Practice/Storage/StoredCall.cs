using SimCaller.Core.Calls;

namespace SimCaller.Practice.Storage;

/// <summary>A turn with what the engine needs to replay from it.</summary>
/// <param name="MoodSnapshot">The mood machine's state (JSON) after this turn; on the opening line, the state the call started in. Null on turns stored before snapshots were kept.</param>
/// <param name="HoldSeconds">How long the customer was on hold before this trainee turn, if they were.</param>
public sealed record StoredTurn(TranscriptTurn Turn, string? MoodSnapshot = null, double? HoldSeconds = null);

/// <summary>A session and all its turns, read at once (see <see cref="ISessionStore.LoadCallAsync"/>).</summary>
/// <param name="RequestResult">The stored result of the request key asked about, when that turn was already taken.</param>
public sealed record StoredCall(SessionRecord Session, IReadOnlyList<StoredTurn> Turns, string? RequestResult = null)
{
    public IReadOnlyList<TranscriptTurn> Transcript => Turns.Select(t => t.Turn).ToArray();
}

/// <summary>One write of a call: new turns, the new state, and when the call ends, its ending and debrief.</summary>
/// <param name="ExpectedTurnCount">The turn count the write was worked out against (optimistic concurrency).</param>
/// <param name="MoodSnapshot">The session's state after the write.</param>
/// <param name="RequestKey">Makes the write idempotent; its <paramref name="ResultJson"/> is kept for a retry.</param>
/// <param name="Ending">Set when this write ends the call: the session is marked ended and the debrief stored in the same transaction.</param>
public sealed record TurnAppend(
    int ExpectedTurnCount,
    IReadOnlyList<StoredTurn> Turns,
    string MoodSnapshot,
    string? RequestKey = null,
    string? ResultJson = null,
    CallEnding? Ending = null);

/// <summary>How a call ended, with the debrief stored alongside.</summary>
public sealed record CallEnding(CallOutcome Outcome, DateTimeOffset EndedAt, DebriefRecord Debrief);
