using SimCaller.Core.Calls;
using SimCaller.Persona.Mood;

namespace SimCaller.Practice;

/// <summary>A stored call as listings and channels see it.</summary>
/// <param name="Anger">The customer's anger after the latest turn.</param>
/// <param name="TurnCount">Turns stored so far, both speakers, opening line included.</param>
/// <param name="Score">The debrief's overall score once the call has ended.</param>
/// <param name="PersonaHash">SHA-256 of the persona file the call was played with.</param>
/// <param name="Analyser">Version of the analyser that labelled the call live.</param>
/// <param name="OrganisationId">The organisation the call belongs to.</param>
/// <param name="AccountId">The account that started it, if any.</param>
/// <param name="CallTokenHash">SHA-256 (hex) of the call token that may continue it, if it was started by code without an account.</param>
public sealed record SessionInfo(
    string SessionId,
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
    int Anger,
    MoodState Mood,
    int TurnCount,
    double? Score,
    string? DebriefToken,
    string? PersonaHash = null,
    string? RubricId = null,
    string? RubricHash = null,
    string? Analyser = null,
    string? Code = null,
    string OrganisationId = Organisations.DefaultId,
    string? AccountId = null,
    [property: System.Text.Json.Serialization.JsonIgnore] string? CallTokenHash = null)
{
    public bool IsOver => EndedAt is not null;
}
