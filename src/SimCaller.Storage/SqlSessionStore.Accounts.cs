using Dapper;
using SimCaller.Accounts;
using SimCaller.Storage.Rows;

namespace SimCaller.Storage;

// Accounts live in the same database as the sessions they own, through the same connections, retries and
// migrations; a second data-access stack (EF Core for Identity's ready-made stores) would bring a second
// migration system for four small tables.
public abstract partial class SqlSessionStore<TConnection> : IAccountStore
{
    public Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken = default) =>
        QueryOrganisationAsync(AccountSql.SelectOrganisation + " WHERE id = @Value", id, cancellationToken);

    public Task<Organisation?> FindOrganisationByNameAsync(string name, CancellationToken cancellationToken = default) =>
        QueryOrganisationAsync(AccountSql.SelectOrganisation + " WHERE name = @Value", (name ?? "").Trim(), cancellationToken);

    public Task<bool> CreateOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default) =>
        RunAsync(async connection => await connection.ExecuteAsync(new CommandDefinition(
            AccountSql.InsertOrganisation,
            new { organisation.Id, Name = organisation.Name.Trim(), CreatedAt = RowMapping.FormatTime(organisation.CreatedAt) },
            cancellationToken: cancellationToken)) == 1, cancellationToken);

    public Task<bool> CreateAccountAsync(Account account, CancellationToken cancellationToken = default) =>
        RunAsync(async connection => await connection.ExecuteAsync(new CommandDefinition(
            AccountSql.InsertAccount, AccountRow.From(account), cancellationToken: cancellationToken)) == 1, cancellationToken);

    public Task<Account?> FindAccountAsync(string id, CancellationToken cancellationToken = default) =>
        QueryAccountAsync(AccountSql.SelectAccount + " WHERE a.id = @Value", id, cancellationToken);

    public Task<Account?> FindAccountByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        QueryAccountAsync(AccountSql.SelectAccount + " WHERE a.email = @Value", email, cancellationToken);

    public Task<IReadOnlyList<Account>> ListAccountsAsync(string organisationId, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<Account>>(async connection =>
            (await connection.QueryAsync<AccountRow>(new CommandDefinition(
                AccountSql.SelectAccount + " WHERE a.organisation_id = @OrganisationId ORDER BY a.email",
                new { OrganisationId = organisationId }, cancellationToken: cancellationToken)))
            .Select(r => r.ToAccount()).ToArray(), cancellationToken);

    public Task<Account?> RecordFailedSignInAsync(string accountId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken = default) =>
        RunAsync(async connection =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                AccountSql.RecordFailure,
                new { Id = accountId, MaxFailures = maxFailures, LockUntil = RowMapping.FormatTime(lockUntil) },
                cancellationToken: cancellationToken));
            return (await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
                AccountSql.SelectAccount + " WHERE a.id = @Value", new { Value = accountId }, cancellationToken: cancellationToken)))?.ToAccount();
        }, cancellationToken);

    public Task ResetFailedSignInsAsync(string accountId, CancellationToken cancellationToken = default) =>
        RunAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            AccountSql.ResetFailures, new { Id = accountId }, cancellationToken: cancellationToken)), cancellationToken);

    public Task<bool> UpdateAccountAsync(Account account, bool revokeTokens, CancellationToken cancellationToken = default) =>
        RunAsync(async connection =>
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                AccountSql.UpdateAccount, AccountRow.From(account), transaction, cancellationToken: cancellationToken));
            if (revokeTokens)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM access_tokens WHERE account_id = @Id", new { account.Id }, transaction, cancellationToken: cancellationToken));
            }
            await transaction.CommitAsync(cancellationToken);
            return updated == 1;
        }, cancellationToken);

    public Task StoreTokenAsync(string tokenHash, string accountId, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        RunAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            AccountSql.InsertToken,
            new { TokenHash = tokenHash, AccountId = accountId, CreatedAt = RowMapping.FormatTime(createdAt), ExpiresAt = RowMapping.FormatTime(expiresAt) },
            cancellationToken: cancellationToken)), cancellationToken);

    public Task<(Account Account, DateTimeOffset ExpiresAt)?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken = default) =>
        RunAsync<(Account, DateTimeOffset)?>(async connection =>
            await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
                AccountSql.SelectToken, new { TokenHash = tokenHash }, cancellationToken: cancellationToken)) is { ExpiresAt: { } expires } row
                ? (row.ToAccount(), RowMapping.ParseTime(expires))
                : null, cancellationToken);

    public Task<int> DeleteExpiredTokensAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RunAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM access_tokens WHERE expires_at < @Now", new { Now = RowMapping.FormatTime(now) }, cancellationToken: cancellationToken)), cancellationToken);

    private Task<Organisation?> QueryOrganisationAsync(string sql, string value, CancellationToken cancellationToken) =>
        RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<OrganisationRow>(
            new CommandDefinition(sql, new { Value = value }, cancellationToken: cancellationToken)))?.ToOrganisation(), cancellationToken);

    private Task<Account?> QueryAccountAsync(string sql, string value, CancellationToken cancellationToken) =>
        RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<AccountRow>(
            new CommandDefinition(sql, new { Value = value ?? "" }, cancellationToken: cancellationToken)))?.ToAccount(), cancellationToken);
}
