namespace SimCaller.Evaluation.Debriefs;

/// <summary>A trainee line quoted as evidence for a criterion.</summary>
/// <param name="Quote">The turn's text exactly as said.</param>
/// <param name="Technique">The technique id the line showed.</param>
/// <param name="Positive">True when it earned points, false when it cost.</param>
public sealed record EvidenceQuote(int TurnNumber, double Seconds, string Quote, string Technique, bool Positive);
