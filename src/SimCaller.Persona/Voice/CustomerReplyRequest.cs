using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;

namespace SimCaller.Persona.Voice;

/// <summary>Everything the customer's voice needs to say the next line.</summary>
/// <param name="History">The call so far, oldest first (both speakers).</param>
/// <param name="LastUpdate">What the trainee's last turn did; null for the opening line.</param>
/// <param name="TurnNumber">Customer turn number, 0 for the opening; with the seed it keeps replies reproducible.</param>
public sealed record CustomerReplyRequest(
    PersonaDefinition Persona,
    string Difficulty,
    int Seed,
    int TurnNumber,
    int Anger,
    MoodState Mood,
    MoodUpdate? LastUpdate,
    IReadOnlyList<(Speaker Speaker, string Text)> History)
{
    public bool IsOpening => LastUpdate is null;
}
