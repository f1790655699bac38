using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;

namespace SimCaller.Persona.Mood;

/// <summary>What one trainee turn (or call event) did to the customer.</summary>
/// <param name="Reasons">Why the anger moved, one short phrase per cause ("empathy -8", "cliche again +9").</param>
/// <param name="Outcome">InProgress unless this turn ended the call.</param>
/// <param name="Reaction">The main thing the customer reacts to (a technique id or call moment such as
/// "silence", "repeated", "partial_solution"); the voice uses it to pick what to say.</param>
/// <param name="CoreNeedMet">True once the trainee has addressed the customer's core need.</param>
public sealed record MoodUpdate(
    int AngerBefore,
    int AngerAfter,
    MoodState State,
    CallOutcome Outcome,
    string Reaction,
    IReadOnlyList<string> Reasons,
    bool CoreNeedMet,
    IReadOnlyList<Technique> Techniques);
