namespace SimCaller.Evaluation.Debriefs;

/// <summary>The customer's anger after one turn.</summary>
/// <param name="Speaker">"customer" or "trainee".</param>
public sealed record TimelinePoint(int TurnNumber, double Seconds, string Speaker, int Anger, string Mood);
