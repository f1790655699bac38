namespace SimCaller.Core.Calls;

/// <summary>A whole practice call: who the customer was, how it went, and every turn.</summary>
/// <param name="ScenarioKeywords">Words of the persona's problem, so evaluation can judge paraphrase and focus.</param>
/// <param name="DisabledCriteria">Rubric criteria the persona switches off (e.g. boundaries for a polite caller).</param>
/// <param name="EnabledCriteria">Rubric criteria the persona switches on that are off by default.</param>
/// <param name="MissingNeedParts">Parts of a several-part core need the trainee never offered (empty when met or when the need is any-of).</param>
/// <param name="Scenario">The persona's problem and need in its own words, for the debrief's example lines.</param>
/// <param name="PersonaHash">SHA-256 of the persona file the call was played with (hex), when known.</param>
/// <param name="RubricHash">SHA-256 of the rubric the session was started with, when known.</param>
/// <param name="Code">The session code the call was started from, if any.</param>
/// <param name="Channel">Where the call happened ("terminal", "phone", ...), when known.</param>
public sealed record CallTranscript(
    string SessionId,
    string PersonaId,
    string PersonaName,
    string Difficulty,
    int Seed,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    CallOutcome Outcome,
    int StartingAnger,
    IReadOnlyList<TranscriptTurn> Turns,
    IReadOnlyList<string>? ScenarioKeywords = null,
    IReadOnlyList<string>? DisabledCriteria = null,
    IReadOnlyList<string>? EnabledCriteria = null,
    IReadOnlyList<string>? MissingNeedParts = null,
    CallScenario? Scenario = null,
    string? PersonaHash = null,
    string? RubricHash = null,
    string? Code = null,
    string? Channel = null)
{
    public IEnumerable<TranscriptTurn> TraineeTurns => Turns.Where(t => t.Speaker == Speaker.Trainee);

    public IEnumerable<TranscriptTurn> CustomerTurns => Turns.Where(t => t.Speaker == Speaker.Customer);

    public int FinalAnger => Turns.Count == 0 ? StartingAnger : Turns[^1].Anger;
}
