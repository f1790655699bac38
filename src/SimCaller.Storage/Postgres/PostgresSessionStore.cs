using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace SimCaller.Storage.Postgres;

/// <summary>
/// The shared store: one PostgreSQL database that several API instances use at once, so any of them
/// can carry on any call. Same tables and queries as the SQLite store; the schema is created or
/// migrated on first use, one instance at a time.
/// </summary>
public sealed class PostgresSessionStore : SqlSessionStore<NpgsqlConnection>, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    /// <param name="connectionString">An Npgsql connection string, e.g. "Host=db;Username=simcaller;Password=...;Database=simcaller".</param>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public PostgresSessionStore(string connectionString, TimeProvider? time = null)
        : base(time)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException(
                "The PostgreSQL connection string is empty (set Storage:ConnectionString, or env Storage__ConnectionString).",
                nameof(connectionString));
        }
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // The string itself may hold a password, so it is not repeated here.
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {e.Message}", nameof(connectionString), e);
        }
        Database = $"{builder.Database ?? builder.Username ?? "(default)"} on {builder.Host ?? "localhost"}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Which database, for messages: "name on host:port", never the password.</summary>
    public string Database { get; }

    private protected override string DatabaseName => Database;

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    private protected override async Task PrepareSchemaAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await PostgresSchemaMigrator.MigrateAsync(connection, Time, CancellationToken.None);
    }

    /// <summary>
    /// The server ended the connection while it sat in the pool (restart: 57P01 admin_shutdown; crash:
    /// 57P02), or the socket under it is gone. Npgsql does not test pooled connections before handing them
    /// out, so after a restart the first command on each of them meets this.
    /// </summary>
    private protected override bool IsStaleConnection(DbException failure) => failure switch
    {
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown } => true,
        PostgresException => false,
        NpgsqlException { InnerException: IOException or SocketException } => true,
        _ => false,
    };

    private protected override void DropPooledConnections() => _dataSource.Clear();

    private protected override async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new StorageException($"Cannot open the PostgreSQL database {Database}: {e.Message}", e);
        }
    }
}
