namespace SimCaller.Evaluation.Debriefs;

/// <summary>
/// How the call would have gone had the trainee taken one suggestion: the anger from the suggested
/// turn on, replayed through the same mood machine (see the replay in SimCaller.Practice).
/// </summary>
/// <param name="SuggestionIndex">Which of the debrief's suggestions (0-based).</param>
/// <param name="Points">The replayed anger after each line from the branch point on, first point on the real curve.</param>
/// <param name="Summary">What would have changed, in words ("Resolved at turn 9 instead of hung up at turn 7").</param>
public sealed record WhatIf(int SuggestionIndex, IReadOnlyList<WhatIfPoint> Points, string Summary);

/// <param name="TurnNumber">The transcript turn the anger follows (its x when the call has no times).</param>
public sealed record WhatIfPoint(int TurnNumber, double Seconds, int Anger);
