using SimCaller.Persona.Mood;

namespace SimCaller.Practice;

/// <summary>A call that has just begun: the customer's first words and starting mood.</summary>
public sealed record SessionStarted(
    string SessionId,
    string PersonaId,
    string PersonaName,
    string Difficulty,
    int Seed,
    string OpeningLine,
    int Anger,
    MoodState Mood);
