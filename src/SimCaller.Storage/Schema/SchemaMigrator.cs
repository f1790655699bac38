using System.Data.Common;
using Dapper;
using SimCaller.Storage.Rows;

namespace SimCaller.Storage.Schema;

/// <summary>
/// Brings a database up to the latest schema. Each step runs in its own transaction together with
/// its schema_version row, so a crash leaves the database at a whole step; two processes starting at
/// once serialise on the transaction and the second finds the work done. A step is applied when its
/// version is not recorded yet, in version order, so a step numbered below one already applied (branches
/// that each added a step, merged later) is still applied.
/// </summary>
public static class SchemaMigrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """;

    /// <returns>The schema version after migrating.</returns>
    public static async Task<int> MigrateAsync(
        DbConnection connection,
        IReadOnlyList<Migration> migrations,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        await connection.ExecuteAsync(new CommandDefinition(CreateVersionTable, cancellationToken: cancellationToken));
        var applied = await AppliedVersionsAsync(connection, null, cancellationToken);
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Re-read under the transaction's lock: another process may have applied it meanwhile.
            if ((await AppliedVersionsAsync(connection, transaction, cancellationToken)).Contains(migration.Version))
            {
                continue;
            }
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @AppliedAt)",
                new { migration.Version, migration.Description, AppliedAt = RowMapping.FormatTime(time.GetUtcNow()) },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        return await CurrentVersionAsync(connection, null, cancellationToken);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_version", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();

    private static Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction: transaction, cancellationToken: cancellationToken));
}
