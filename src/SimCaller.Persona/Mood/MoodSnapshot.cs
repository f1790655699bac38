namespace SimCaller.Persona.Mood;

/// <summary>
/// Everything a <see cref="MoodMachine"/> remembers, as plain JSON-friendly data, so a call can move
/// between server instances and continue exactly where it was.
/// </summary>
/// <param name="State">Machine state id: a mood ("calm" ... "furious") or an outcome ("resolved", "hung_up", ...).</param>
/// <param name="Turn">Trainee turns applied so far.</param>
/// <param name="FuriousRun">Consecutive turns that ended furious.</param>
/// <param name="SilentRun">Consecutive silent trainee turns.</param>
/// <param name="TechniqueCounts">How often each technique id was used (drives diminishing returns).</param>
/// <param name="RecentUtterances">The trainee's latest lines, normalised, to spot repeats.</param>
/// <param name="CorePartsMet">Parts of a several-part core need offered so far (absent in older snapshots).</param>
/// <param name="StallRun">Consecutive trainee turns that made no progress (absent in older snapshots: 0).</param>
/// <param name="SatisfiedAtTurn">The turn the customer became satisfied on, 0 while not (absent in older snapshots: 0).</param>
public sealed record MoodSnapshot(
    string PersonaId,
    string Difficulty,
    int Seed,
    string State,
    int Anger,
    int Turn,
    int FuriousRun,
    int SilentRun,
    bool CoreNeedMet,
    bool PartialNeedMet,
    bool SolutionOffered,
    bool BoundaryWarned,
    IReadOnlyDictionary<string, int> TechniqueCounts,
    IReadOnlyList<string> RecentUtterances,
    string LastReaction,
    IReadOnlyList<string>? CorePartsMet = null,
    int StallRun = 0,
    int SatisfiedAtTurn = 0);
