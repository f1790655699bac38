using Npgsql;
using SimCaller.Testing;

namespace SimCaller.Practice.Tests.Storage;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

/// <summary>
/// The PostgreSQL server named by SIMCALLER_TEST_POSTGRES. The run gets its own database
/// (simcaller_test_&lt;random&gt;), dropped afterwards; each test gets its own schema in it, so tests
/// never see each other's sessions. Without a server the tests report themselves skipped
/// (<see cref="Requires.Postgres"/>), or fail under the README's test command.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string? _serverConnectionString = Environment.GetEnvironmentVariable(Requires.PostgresVariable) is { Length: > 0 } value ? value : null;
    private readonly string _databaseName = $"simcaller_test_{Guid.NewGuid():N}";
    private string? _databaseConnectionString;

    /// <summary>A connection string to a new, empty schema in this run's database; skips the test without a server.</summary>
    public async Task<string> NewSchemaAsync()
    {
        Requires.Postgres();
        var schema = $"t_{Guid.NewGuid():N}";
        await ExecuteAsync(_databaseConnectionString!, $"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(_databaseConnectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>A connection string to a database of this name on the server (which need not exist).</summary>
    public string DatabaseConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database }.ConnectionString;

    /// <summary>Runs a statement on the server's own database (CREATE DATABASE and the like).</summary>
    public Task ExecuteOnServerAsync(string sql) => ExecuteAsync(_serverConnectionString!, sql);

    public async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task InitializeAsync()
    {
        if (_serverConnectionString is null)
        {
            return;
        }
        await ExecuteOnServerAsync($"CREATE DATABASE {_databaseName}");
        _databaseConnectionString = DatabaseConnectionString(_databaseName);
    }

    public async Task DisposeAsync()
    {
        if (_databaseConnectionString is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        // Unpooled: these connections must not linger where DROP DATABASE would have to end them.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
