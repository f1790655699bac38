namespace SimCaller.Evaluation.Debriefs;

/// <summary>A trainee line quoted as evidence for a criterion; each line appears once per criterion.</summary>
/// <param name="TurnNumber">The first turn the line was said at.</param>
/// <param name="Quote">The turn's text exactly as said.</param>
/// <param name="Technique">The technique id the line showed.</param>
/// <param name="Positive">True when it earned points, false when it cost.</param>
/// <param name="Times">How many times the trainee said this line (word for word) with this effect.</param>
public sealed record EvidenceQuote(int TurnNumber, double Seconds, string Quote, string Technique, bool Positive, int Times = 1);
