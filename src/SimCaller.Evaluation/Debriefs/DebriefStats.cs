namespace SimCaller.Evaluation.Debriefs;

/// <summary>Plain numbers about the call.</summary>
/// <param name="TraineeTalkShare">Share of all spoken words that were the trainee's, 0-1.</param>
/// <param name="SecondsToFirstEmpathy">When the trainee first showed empathy; null if never.</param>
/// <param name="ClicheCount">Trainee turns labelled cliche.</param>
/// <param name="HarmfulMoveCount">Harmful labels over all trainee turns (cliche, blame, dismissive, refusal, defensive, rude).</param>
public sealed record DebriefStats(
    int Turns,
    int TraineeTurns,
    double TraineeTalkShare,
    double? SecondsToFirstEmpathy,
    int ClicheCount,
    int HarmfulMoveCount,
    int StartingAnger,
    int FinalAnger,
    int PeakAnger,
    double DurationSeconds);
