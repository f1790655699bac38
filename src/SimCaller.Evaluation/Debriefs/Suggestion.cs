namespace SimCaller.Evaluation.Debriefs;

/// <summary>Advice tied to one moment of the call, with a better way to say it.</summary>
/// <param name="TurnNumber">The moment it refers to; null only when the call has no turns at all.</param>
/// <param name="Quote">What was said at that turn.</param>
/// <param name="Technique">The technique id that went wrong or was missing.</param>
/// <param name="Advice">What to change, in a sentence or two.</param>
/// <param name="BetterPhrasing">An example of saying it better.</param>
public sealed record Suggestion(
    int? TurnNumber,
    double? Seconds,
    string? Quote,
    string Technique,
    string Advice,
    string BetterPhrasing);
