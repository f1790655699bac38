namespace SimCaller.Training;

/// <summary>A stored score override of one session's criterion.</summary>
/// <param name="ReviewerId">The reviewer's account id.</param>
public sealed record StoredOverride(
    string Id, string SessionId, string OrganisationId, string Criterion, int OldScore, int NewScore,
    string Reason, string ReviewerId, string ReviewerEmail, DateTimeOffset CreatedAt);

/// <summary>Practice set by a trainer: a customer at a difficulty, a number of attempts, a due date.</summary>
/// <param name="Group">A name for the trainees it was given to together ("October starters"); null for one trainee.</param>
public sealed record Assignment(
    string Id, string OrganisationId, string PersonaId, string Difficulty, DateTimeOffset DueAt, int Attempts,
    string? Group, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>One finished call that may count towards an assignment.</summary>
public sealed record AssignmentAttempt(string AccountId, string SessionId, DateTimeOffset StartedAt, double? Score);

/// <summary>Where reviews and assignments live (the sessions' database). Each method is atomic.</summary>
public interface ITrainingStore
{
    Task AddOverrideAsync(StoredOverride scoreOverride, CancellationToken cancellationToken = default);

    /// <summary>The session's overrides, oldest first.</summary>
    Task<IReadOnlyList<StoredOverride>> ListOverridesAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Stores the assignment and who it is for, together.</summary>
    Task CreateAssignmentAsync(Assignment assignment, IReadOnlyList<string> accountIds, CancellationToken cancellationToken = default);

    /// <summary>The organisation's assignments (only those given to <paramref name="accountId"/> when set), by due date, with their trainees.</summary>
    Task<IReadOnlyList<(Assignment Assignment, IReadOnlyList<string> AccountIds)>> ListAssignmentsAsync(
        string organisationId, string? accountId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ended calls of the assignment's trainees (only <paramref name="accountId"/>'s when set) in its organisation
    /// against its persona and difficulty, started since it was set, oldest first.
    /// </summary>
    Task<IReadOnlyList<AssignmentAttempt>> ListAttemptsAsync(Assignment assignment, string? accountId, CancellationToken cancellationToken = default);
}
