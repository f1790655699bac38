using Dapper;
using SimCaller.Storage.Rows;
using SimCaller.Training;

namespace SimCaller.Storage;

// Reviews and assignments read the sessions they are about; same database, same connections and retries.
public abstract partial class SqlSessionStore<TConnection> : ITrainingStore
{
    private const string SelectOverride = """
        SELECT id AS Id, session_id AS SessionId, organisation_id AS OrganisationId, criterion AS Criterion, old_score AS OldScore,
               new_score AS NewScore, reason AS Reason, reviewer_id AS ReviewerId, reviewer_email AS ReviewerEmail, created_at AS CreatedAt
        FROM score_overrides
        """;

    private const string SelectAssignment = """
        SELECT a.id AS Id, a.organisation_id AS OrganisationId, a.persona_id AS PersonaId, a.difficulty AS Difficulty, a.due_at AS DueAt,
               a.attempts AS Attempts, a.group_name AS GroupName, a.created_by AS CreatedBy, a.created_at AS CreatedAt, t.account_id AS AccountId
        FROM assignments a JOIN assignment_trainees t ON t.assignment_id = a.id
        """;

    public Task AddOverrideAsync(StoredOverride scoreOverride, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            INSERT INTO score_overrides (id, session_id, organisation_id, criterion, old_score, new_score, reason, reviewer_id, reviewer_email, created_at)
            VALUES (@Id, @SessionId, @OrganisationId, @Criterion, @OldScore, @NewScore, @Reason, @ReviewerId, @ReviewerEmail, @CreatedAt)
            """, OverrideRow.From(scoreOverride), cancellationToken);

    public Task<IReadOnlyList<StoredOverride>> ListOverridesAsync(string sessionId, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<StoredOverride>>(async connection => (await connection.QueryAsync<OverrideRow>(new CommandDefinition(
            SelectOverride + " WHERE session_id = @SessionId ORDER BY created_at, id", new { SessionId = sessionId }, cancellationToken: cancellationToken)))
            .Select(r => r.ToOverride()).ToArray(), cancellationToken);

    public Task CreateAssignmentAsync(Assignment assignment, IReadOnlyList<string> accountIds, CancellationToken cancellationToken = default) =>
        RunAsync(async connection =>
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO assignments (id, organisation_id, persona_id, difficulty, due_at, attempts, group_name, created_by, created_at)
                VALUES (@Id, @OrganisationId, @PersonaId, @Difficulty, @DueAt, @Attempts, @GroupName, @CreatedBy, @CreatedAt)
                """, AssignmentRow.From(assignment), transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO assignment_trainees (assignment_id, account_id) VALUES (@AssignmentId, @AccountId)",
                accountIds.Select(id => new { AssignmentId = assignment.Id, AccountId = id }), transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyList<(Assignment Assignment, IReadOnlyList<string> AccountIds)>> ListAssignmentsAsync(
        string organisationId, string? accountId, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<(Assignment, IReadOnlyList<string>)>>(async connection =>
        {
            var sql = SelectAssignment + " WHERE a.organisation_id = @OrganisationId"
                + (accountId is null ? "" : " AND t.account_id = @AccountId")
                + " ORDER BY a.due_at, a.id, t.account_id";
            var rows = await connection.QueryAsync<AssignmentRow>(new CommandDefinition(
                sql, new { OrganisationId = organisationId, AccountId = accountId }, cancellationToken: cancellationToken));
            return rows.GroupBy(r => r.Id)
                .Select(g => (g.First().ToAssignment(), (IReadOnlyList<string>)g.Select(r => r.AccountId!).ToArray()))
                .ToArray();
        }, cancellationToken);

    public Task<IReadOnlyList<AssignmentAttempt>> ListAttemptsAsync(Assignment assignment, string? accountId, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<AssignmentAttempt>>(async connection => (await connection.QueryAsync<AssignmentAttemptRow>(new CommandDefinition($"""
            SELECT s.account_id AS AccountId, s.id AS SessionId, s.started_at AS StartedAt, d.score AS Score
            FROM sessions s JOIN debriefs d ON d.session_id = s.id
            WHERE s.organisation_id = @OrganisationId
              AND s.account_id IN (SELECT account_id FROM assignment_trainees WHERE assignment_id = @AssignmentId)
              {(accountId is null ? "" : "AND s.account_id = @AccountId")}
              AND s.persona_id = @PersonaId AND s.difficulty = @Difficulty AND s.started_at >= @Since AND s.ended_at IS NOT NULL
            ORDER BY s.started_at, s.id
            """,
            new
            {
                assignment.OrganisationId, AssignmentId = assignment.Id, AccountId = accountId, assignment.PersonaId, assignment.Difficulty,
                Since = RowMapping.FormatTime(assignment.CreatedAt),
            },
            cancellationToken: cancellationToken)))
            .Select(r => new AssignmentAttempt(r.AccountId, r.SessionId, RowMapping.ParseTime(r.StartedAt), r.Score)).ToArray(), cancellationToken);
}
