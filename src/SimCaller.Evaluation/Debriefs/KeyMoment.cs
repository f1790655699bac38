namespace SimCaller.Evaluation.Debriefs;

/// <summary>One of the biggest rises or falls of the customer's anger, and the trainee move behind it.</summary>
/// <param name="Kind">"rise" or "fall".</param>
/// <param name="Delta">Anger after minus anger before (positive = angrier).</param>
/// <param name="Move">What the trainee did: technique ids ("blame, refusal") or a call event ("silence").</param>
/// <param name="Quote">The trainee's line.</param>
public sealed record KeyMoment(
    int TurnNumber,
    double Seconds,
    string Kind,
    int Delta,
    int AngerBefore,
    int AngerAfter,
    string Move,
    string Quote);
