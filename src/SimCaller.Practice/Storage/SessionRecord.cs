using SimCaller.Core.Calls;

namespace SimCaller.Practice.Storage;

/// <summary>A stored session row.</summary>
/// <param name="MoodSnapshot">The mood machine's state after the latest turn, as JSON.</param>
/// <param name="TurnCount">Turns stored, both speakers; also the optimistic concurrency token.</param>
/// <param name="Anger">The customer's anger after the latest turn.</param>
/// <param name="Mood">The mood id after the latest turn.</param>
/// <param name="Score">The debrief's score, once there is one.</param>
/// <param name="PersonaHash">SHA-256 (hex) of <paramref name="PersonaYaml"/>.</param>
/// <param name="PersonaYaml">The persona file as it was when the session started; turns, replays and reviews use it, not today's file.</param>
/// <param name="RubricId">The rubric the session is scored with.</param>
/// <param name="RubricHash">SHA-256 (hex) of that rubric's content.</param>
/// <param name="Analyser">The live analyser's <c>Version</c>.</param>
/// <param name="Code">The session code it was started from.</param>
/// <param name="OrganisationId">The organisation it belongs to (<see cref="Organisations.DefaultId"/> for calls from before organisations).</param>
/// <param name="AccountId">The account that started it, if any.</param>
/// <param name="CallTokenHash">SHA-256 (hex) of the call token that may continue it, for calls started by code without an account.</param>
public sealed record SessionRecord(
    string Id,
    string PersonaId,
    string PersonaName,
    string Difficulty,
    int Seed,
    string Channel,
    string? Trainee,
    string? ExternalRef,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    CallOutcome Outcome,
    int StartingAnger,
    string MoodSnapshot,
    int TurnCount,
    int Anger,
    string Mood,
    double? Score = null,
    string? DebriefToken = null,
    string? PersonaHash = null,
    string? PersonaYaml = null,
    string? RubricId = null,
    string? RubricHash = null,
    string? Analyser = null,
    string? Code = null,
    string OrganisationId = Organisations.DefaultId,
    string? AccountId = null,
    string? CallTokenHash = null);
