using Dapper;
using Npgsql;
using SimCaller.Storage.Schema;

namespace SimCaller.Storage.Postgres;

/// <summary>
/// Runs the shared <see cref="SchemaMigrator"/> under a PostgreSQL advisory lock. Unlike SQLite,
/// PostgreSQL lets two transactions both see version 0 and both try to create the tables, so
/// instances starting together take turns here and the later ones find the work done.
/// </summary>
internal static class PostgresSchemaMigrator
{
    // Any fixed number; advisory locks are per database, so only SimCaller instances on the same
    // database wait for each other.
    private const long LockKey = 0x53696D43616C6C; // "SimCall"

    /// <returns>The schema version after migrating.</returns>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, TimeProvider time, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
        try
        {
            return await SchemaMigrator.MigrateAsync(connection, Migrations.All, time, cancellationToken);
        }
        finally
        {
            // A session-level lock outlives transactions; release it before the connection goes back to the pool.
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }));
        }
    }
}
