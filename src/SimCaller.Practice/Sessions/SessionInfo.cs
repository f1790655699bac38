using SimCaller.Core.Calls;
using SimCaller.Persona.Mood;

namespace SimCaller.Practice;

/// <summary>A stored call as listings and channels see it.</summary>
/// <param name="Anger">The customer's anger after the latest turn.</param>
/// <param name="TurnCount">Turns stored so far, both speakers, opening line included.</param>
/// <param name="Score">The debrief's overall score once the call has ended.</param>
public sealed record SessionInfo(
    string SessionId,
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
    int Anger,
    MoodState Mood,
    int TurnCount,
    double? Score,
    string? DebriefToken)
{
    public bool IsOver => EndedAt is not null;
}
