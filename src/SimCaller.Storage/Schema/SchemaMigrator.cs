using System.Data.Common;
using Dapper;
using SimCaller.Storage.Rows;

namespace SimCaller.Storage.Schema;

/// <summary>
/// Brings a database up to the latest schema. Each step runs in its own transaction together with
/// its schema_version row, so a crash leaves the database at a whole step; two processes starting at
/// once serialise on the transaction and the second finds the work done.
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
        var current = await CurrentVersionAsync(connection, null, cancellationToken);
        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Re-read under the transaction's lock: another process may have applied it meanwhile.
            if (await CurrentVersionAsync(connection, transaction, cancellationToken) >= migration.Version)
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

    private static Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction: transaction, cancellationToken: cancellationToken));
}
