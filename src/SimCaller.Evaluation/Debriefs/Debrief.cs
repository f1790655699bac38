using SimCaller.Core.Calls;

namespace SimCaller.Evaluation.Debriefs;

/// <summary>
/// The scored review of one practice call. Immutable; JSON form documented in docs/debrief-schema.md
/// (see <see cref="Rendering.DebriefJson"/>).
/// </summary>
/// <param name="Score">0-100: the weighted criteria, pulled up or down by the outcome and the anger curve.</param>
/// <param name="Suggestions">Three, each tied to a moment of this call, whenever there is anything to improve.</param>
public sealed record Debrief(
    string SessionId,
    string PersonaId,
    string PersonaName,
    string Difficulty,
    int Seed,
    DateTimeOffset StartedAt,
    CallOutcome Outcome,
    int Score,
    string RubricId,
    IReadOnlyList<CriterionResult> Criteria,
    IReadOnlyList<KeyMoment> KeyMoments,
    IReadOnlyList<TimelinePoint> Timeline,
    IReadOnlyList<Suggestion> Suggestions,
    DebriefStats Stats)
{
    /// <summary>Bumped when the JSON shape changes incompatibly.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Parts of the customer's several-part need the trainee never offered ("bill paused"); empty when the need was met.</summary>
    public IReadOnlyList<string> MissingNeedParts { get; init; } = [];

    /// <summary>Every turn of the call, both speakers, in call order. Empty for debriefs stored before it existed.</summary>
    public IReadOnlyList<DebriefTurn> Transcript { get; init; } = [];

    /// <summary>SHA-256 of the persona file the call was played with; null when not known.</summary>
    public string? PersonaHash { get; init; }

    /// <summary>SHA-256 of the rubric's content the session was started with; null when not known.</summary>
    public string? RubricHash { get; init; }

    /// <summary>The session code the call was started from; null when none.</summary>
    public string? Code { get; init; }

    /// <summary>Where the call happened ("terminal", "phone", ...); null when not known.</summary>
    public string? Channel { get; init; }

    /// <summary>A trainer's changes to criterion scores, oldest first; <see cref="Score"/> and the criteria keep the machine's scores.</summary>
    public IReadOnlyList<ScoreOverride> Overrides { get; init; } = [];

    /// <summary>The overall score with the overrides applied; null when nobody has reviewed the call.</summary>
    public int? ReviewedScore { get; init; }
}
