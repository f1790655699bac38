using SimCaller.Core.Calls;

namespace SimCaller.Practice.Storage;

/// <summary>A stored session row.</summary>
/// <param name="MoodSnapshot">The mood machine's state after the latest turn, as JSON.</param>
/// <param name="TurnCount">Turns stored, both speakers; also the optimistic concurrency token.</param>
/// <param name="Anger">The customer's anger after the latest turn.</param>
/// <param name="Mood">The mood id after the latest turn.</param>
/// <param name="Score">The debrief's score, once there is one.</param>
public sealed record SessionRecord(
    string Id,
    string PersonaId,
    string PersonaName,
    string Difficulty,
    int Seed,
    string Channel,
    string? Trainee,
    string? ExternalRef,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    CallOutcome Outcome,
    int StartingAnger,
    string MoodSnapshot,
    int TurnCount,
    int Anger,
    string Mood,
    double? Score = null,
    string? DebriefToken = null);
