using System.Text.Json;
using Dapper;
using SimCaller.Hiring;
using SimCaller.Storage.Rows;

namespace SimCaller.Storage;

// Campaigns live beside the sessions their candidates play, so deleting a candidate removes their calls in
// the same transaction.
public abstract partial class SqlSessionStore<TConnection> : IHiringStore
{
    public Task CreateCampaignAsync(Campaign campaign, CancellationToken cancellationToken = default) =>
        ExecuteAsync(HiringSql.InsertCampaign, CampaignRow.From(campaign), cancellationToken);

    public Task<Campaign?> FindCampaignAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            HiringSql.SelectCampaign + " WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)))?.ToCampaign(), cancellationToken);

    public Task<IReadOnlyList<Campaign>> ListCampaignsAsync(string organisationId, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<Campaign>>(async connection => (await connection.QueryAsync<CampaignRow>(new CommandDefinition(
            HiringSql.SelectCampaign + " WHERE organisation_id = @OrganisationId ORDER BY created_at DESC, id",
            new { OrganisationId = organisationId }, cancellationToken: cancellationToken))).Select(r => r.ToCampaign()).ToArray(), cancellationToken);

    public Task CreateCandidateAsync(Candidate candidate, CancellationToken cancellationToken = default) =>
        ExecuteAsync(HiringSql.InsertCandidate, CandidateRow.From(candidate), cancellationToken);

    public Task<Candidate?> FindCandidateAsync(string id, CancellationToken cancellationToken = default) =>
        QueryCandidateAsync(HiringSql.SelectCandidate + " WHERE id = @Value", id, cancellationToken);

    public Task<Candidate?> FindCandidateByTokenAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        QueryCandidateAsync(HiringSql.SelectCandidate + " WHERE token_hash = @Value", tokenHash, cancellationToken);

    public Task<IReadOnlyList<Candidate>> ListCandidatesAsync(string campaignId, CancellationToken cancellationToken = default) =>
        QueryCandidatesAsync(HiringSql.SelectCandidate + " WHERE campaign_id = @CampaignId ORDER BY created_at, id", new { CampaignId = campaignId }, cancellationToken);

    public Task<bool> ReserveAttemptAsync(string candidateId, int maxAttempts, CancellationToken cancellationToken = default) =>
        RunAsync(async connection => await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE candidates SET attempts_used = attempts_used + 1 WHERE id = @Id AND attempts_used < @Max",
            new { Id = candidateId, Max = maxAttempts }, cancellationToken: cancellationToken)) == 1, cancellationToken);

    public Task ReleaseAttemptAsync(string candidateId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE candidates SET attempts_used = attempts_used - 1 WHERE id = @Id AND attempts_used > 0", new { Id = candidateId }, cancellationToken);

    public Task AddAttemptAsync(string sessionId, string campaignId, string candidateId, DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "INSERT INTO campaign_attempts (session_id, campaign_id, candidate_id, started_at) VALUES (@SessionId, @CampaignId, @CandidateId, @StartedAt)",
            new { SessionId = sessionId, CampaignId = campaignId, CandidateId = candidateId, StartedAt = RowMapping.FormatTime(startedAt) },
            cancellationToken);

    public Task<Campaign?> FindCampaignOfSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            HiringSql.SelectCampaign + " WHERE id = (SELECT campaign_id FROM campaign_attempts WHERE session_id = @SessionId)",
            new { SessionId = sessionId }, cancellationToken: cancellationToken)))?.ToCampaign(), cancellationToken);

    public Task<IReadOnlyList<CandidateAttempt>> ListAttemptsAsync(string campaignId, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<CandidateAttempt>>(async connection => (await connection.QueryAsync<AttemptRow>(new CommandDefinition(
            HiringSql.SelectAttempts, new { CampaignId = campaignId }, cancellationToken: cancellationToken))).Select(r => r.ToAttempt()).ToArray(),
            cancellationToken);

    public Task SaveSummaryAsync(string sessionId, AttemptSummary summary, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE campaign_attempts SET summary = @Summary WHERE session_id = @SessionId",
            new { SessionId = sessionId, Summary = JsonSerializer.Serialize(summary, HiringSql.Json) }, cancellationToken);

    public Task<int> DeleteCandidateAsync(string candidateId, CancellationToken cancellationToken = default) =>
        RunAsync(async connection =>
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            var ids = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT session_id FROM campaign_attempts WHERE candidate_id = @Id", new { Id = candidateId }, transaction, cancellationToken: cancellationToken))).ToArray();
            // Children first: the foreign keys point at sessions and candidates.
            // One statement per session (a candidate has at most max_attempts): Dapper passes a list to
            // Npgsql as an array, which "IN @Ids" cannot take, and SQLite has no "= ANY".
            string[] bySession =
            [
                "DELETE FROM campaign_attempts WHERE session_id = @Id",
                "DELETE FROM score_overrides WHERE session_id = @Id",
                "DELETE FROM turn_requests WHERE session_id = @Id",
                "DELETE FROM turns WHERE session_id = @Id",
                "DELETE FROM debriefs WHERE session_id = @Id",
                "DELETE FROM session_refs WHERE session_id = @Id",
                "DELETE FROM sessions WHERE id = @Id",
            ];
            if (ids.Length > 0)
            {
                foreach (var sql in bySession)
                {
                    await connection.ExecuteAsync(new CommandDefinition(sql, ids.Select(id => new { Id = id }), transaction, cancellationToken: cancellationToken));
                }
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM candidates WHERE id = @Id", new { Id = candidateId }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return ids.Length;
        }, cancellationToken);

    public Task<IReadOnlyList<Candidate>> ListCandidatesInvitedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default) =>
        QueryCandidatesAsync(HiringSql.SelectCandidate + " WHERE created_at < @Cutoff ORDER BY created_at, id LIMIT @Limit",
            new { Cutoff = RowMapping.FormatTime(cutoff), Limit = limit }, cancellationToken);

    private Task<Candidate?> QueryCandidateAsync(string sql, string value, CancellationToken cancellationToken) =>
        RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<CandidateRow>(new CommandDefinition(
            sql, new { Value = value ?? "" }, cancellationToken: cancellationToken)))?.ToCandidate(), cancellationToken);

    private Task<IReadOnlyList<Candidate>> QueryCandidatesAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<Candidate>>(async connection => (await connection.QueryAsync<CandidateRow>(new CommandDefinition(
            sql, parameters, cancellationToken: cancellationToken))).Select(r => r.ToCandidate()).ToArray(), cancellationToken);

    private Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        RunAsync(connection => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken);
}
