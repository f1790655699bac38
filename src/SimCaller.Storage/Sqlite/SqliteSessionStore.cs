using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using SimCaller.Storage.Schema;

namespace SimCaller.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, so a reader never waits for the writer and a
/// committed turn survives the process being killed. The schema is created or migrated on first use.
/// </summary>
public sealed class SqliteSessionStore : SqlSessionStore<SqliteConnection>
{
    private const int BusyTimeoutMs = 5000;

    private readonly string _connectionString;

    public SqliteSessionStore(string path, TimeProvider? time = null)
        : base(time)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The SQLite database path is empty (set Storage:Path or --db).", nameof(path));
        }
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    private protected override string DatabaseName => $"'{Path}'";

    private protected override async Task PrepareSchemaAsync()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        try
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"Cannot create the folder of the SQLite database '{Path}': {e.Message}", e);
        }
        await using var connection = await OpenAsync(CancellationToken.None);
        try
        {
            // WAL is a property of the file: set once, every later connection uses it.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL");
            await SchemaMigrator.MigrateAsync(connection, Migrations.All, Time);
        }
        catch (SqliteException e)
        {
            throw new StorageException($"Cannot prepare the SQLite database '{Path}': {e.Message}", e);
        }
    }

    private protected override async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
                cancellationToken: cancellationToken));
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new StorageException($"Cannot open the SQLite database '{Path}': {e.Message}", e);
        }
    }

    // BEGIN IMMEDIATE: the write lock is taken up front, so a write's checks cannot be overtaken by
    // another writer before its inserts. Spelled out rather than left to the provider's default.
    private protected override ValueTask<DbTransaction> BeginWriteAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<DbTransaction>(connection.BeginTransaction(deferred: false));
    }
}
