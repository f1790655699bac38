namespace SimCaller.Hiring;

/// <summary>
/// A hiring campaign: every candidate meets the same customer, difficulty and seed, scored by the same
/// rubric, so their results compare on identical conditions.
/// </summary>
/// <param name="RubricHash">SHA-256 of the rubric's content when the campaign was made; attempts are refused once the service scores with another.</param>
/// <param name="ShowResults">Whether a candidate sees their own score and debrief when their call ends.</param>
public sealed record Campaign(
    string Id, string OrganisationId, string Name, string PersonaId, string Difficulty, int Seed, string RubricId, string RubricHash,
    int MaxAttempts, DateTimeOffset ExpiresAt, bool ShowResults, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>One invited candidate; the invite token itself is never stored, only its hash.</summary>
/// <param name="AttemptsUsed">Calls started with the invite (each counts when it starts).</param>
public sealed record Candidate(
    string Id, string CampaignId, string OrganisationId, string Name, string TokenHash, int AttemptsUsed, DateTimeOffset CreatedAt);

/// <summary>One call of a candidate, with what the comparison needs once its debrief exists.</summary>
/// <param name="Summary">Null until the call has ended and been summarised.</param>
public sealed record CandidateAttempt(string SessionId, string CandidateId, DateTimeOffset StartedAt, bool Ended, AttemptSummary? Summary);

/// <summary>The numbers of one finished attempt the comparison shows.</summary>
public sealed record AttemptSummary(
    int Score, string Outcome, IReadOnlyDictionary<string, int> Criteria, double? FirstEmpathySeconds, int HarmfulMoves);

/// <summary>One candidate in the comparison: their best attempt's numbers (nulls before any finished attempt).</summary>
/// <param name="BestSessionId">The session of that best attempt, whose debrief the console links to.</param>
public sealed record ComparisonRow(
    string CandidateId, string Candidate, int Attempts, int? BestScore, string? Outcome, IReadOnlyDictionary<string, int> Criteria,
    double? FirstEmpathySeconds, int? HarmfulMoves, string? BestSessionId = null);

/// <summary>How to order the comparison.</summary>
public enum ComparisonSort
{
    Score,
    Candidate,
    FirstEmpathy,
    HarmfulMoves,
}
