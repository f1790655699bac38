namespace SimCaller.Evaluation.Debriefs;

/// <summary>One line of the call as the debrief shows it: who spoke, what they said, and where the customer's anger stood after it.</summary>
/// <param name="Speaker">"customer" or "trainee".</param>
/// <param name="Anger">The customer's anger 0-100 after this turn.</param>
/// <param name="Techniques">Technique ids found in a trainee turn, in vocabulary order; empty for the customer.</param>
/// <param name="Events">Call events that came with the turn (silence, talk_over, ...).</param>
public sealed record DebriefTurn(
    int TurnNumber,
    double Seconds,
    string Speaker,
    string Text,
    int Anger,
    string Mood,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string> Events);
