using SimCaller.Persona.Mood;

namespace SimCaller.Practice;

/// <summary>A call that has just begun: the customer's first words and starting mood.</summary>
/// <param name="Replayed">True when the channel's reference had started this session before (a retried
/// request): the answer is the stored one and nothing new was created.</param>
public sealed record SessionStarted(
    string SessionId,
    string PersonaId,
    string PersonaName,
    string Difficulty,
    int Seed,
    string OpeningLine,
    int Anger,
    MoodState Mood,
    bool Replayed = false);
