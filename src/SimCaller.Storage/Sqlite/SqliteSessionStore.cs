using Dapper;
using Microsoft.Data.Sqlite;
using SimCaller.Core.Calls;
using SimCaller.Practice;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Rows;
using SimCaller.Storage.Schema;

namespace SimCaller.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, so a reader never waits for the writer and a
/// committed turn survives the process being killed. The schema is created or migrated on first use.
/// </summary>
public sealed class SqliteSessionStore : ISessionStore
{
    private const int BusyTimeoutMs = 5000;

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    // Schema preparation runs once per store; a failure (a locked or unreadable file) is retried on the next call.
    private readonly SemaphoreSlim _prepare = new(1, 1);
    private volatile bool _prepared;

    public SqliteSessionStore(string path, TimeProvider? time = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The SQLite database path is empty (set Storage:Path or --db).", nameof(path));
        }
        Path = System.IO.Path.GetFullPath(path);
        _time = time ?? TimeProvider.System;
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

    /// <summary>Creates or migrates the schema now rather than on first use; returns the schema version.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken: cancellationToken));
    }

    public async Task CreateSessionAsync(SessionRecord session, TranscriptTurn opening, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SessionSql.InsertSession, SessionRow.From(session), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(SessionSql.InsertTurn, RowMapping.ToRow(session.Id, opening), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<SessionRecord?> FindSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        QuerySessionAsync(SessionSql.Select + " WHERE s.id = @Value", sessionId, cancellationToken);

    public Task<SessionRecord?> FindSessionByExternalRefAsync(string externalRef, CancellationToken cancellationToken = default) =>
        QuerySessionAsync(SessionSql.Select + " WHERE s.external_ref = @Value ORDER BY s.started_at DESC LIMIT 1", externalRef, cancellationToken);

    public async Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        var rows = await connection.QueryAsync<SessionRow>(new CommandDefinition(
            SessionSql.Select + " ORDER BY s.started_at DESC, s.id DESC LIMIT @Limit",
            new { Limit = Math.Max(0, limit) },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToArray();
    }

    public async Task<IReadOnlyList<TranscriptTurn>> GetTurnsAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        var rows = await connection.QueryAsync<TurnRow>(new CommandDefinition(
            SessionSql.SelectTurns, new { SessionId = sessionId }, cancellationToken: cancellationToken));
        return rows.Select(RowMapping.ToTurn).ToArray();
    }

    public async Task<AppendResult> AppendTurnsAsync(
        string sessionId,
        int expectedTurnCount,
        IReadOnlyList<TranscriptTurn> turns,
        string moodSnapshot,
        string? requestKey,
        string? resultJson,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        // BEGIN IMMEDIATE (the provider's default): the write lock is taken up front, so the checks
        // below cannot be overtaken by another writer before the inserts.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (requestKey is not null && await SelectTurnRequestAsync(connection, transaction, sessionId, requestKey, cancellationToken) is not null)
        {
            return AppendResult.DuplicateRequest;
        }
        var advanced = await connection.ExecuteAsync(new CommandDefinition(
            SessionSql.AdvanceSession,
            new { SessionId = sessionId, MoodSnapshot = moodSnapshot, Added = turns.Count, Expected = expectedTurnCount },
            transaction,
            cancellationToken: cancellationToken));
        if (advanced == 0)
        {
            return AppendResult.Conflict;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            SessionSql.InsertTurn, turns.Select(t => RowMapping.ToRow(sessionId, t)), transaction, cancellationToken: cancellationToken));
        if (requestKey is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SessionSql.InsertTurnRequest,
                new { SessionId = sessionId, RequestKey = requestKey, Result = resultJson ?? "" },
                transaction,
                cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return AppendResult.Appended;
    }

    public async Task<string?> FindTurnResultAsync(string sessionId, string requestKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        return await SelectTurnRequestAsync(connection, null, sessionId, requestKey, cancellationToken);
    }

    public async Task<bool> EndSessionAsync(string sessionId, CallOutcome outcome, DateTimeOffset endedAt, DebriefRecord debrief, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ended = await connection.ExecuteAsync(new CommandDefinition(
            SessionSql.EndSession,
            new { SessionId = sessionId, EndedAt = RowMapping.FormatTime(endedAt), Outcome = outcome.ToId() },
            transaction,
            cancellationToken: cancellationToken));
        if (ended == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(SessionSql.InsertDebrief, DebriefRow.From(debrief), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public Task<DebriefRecord?> FindDebriefAsync(string sessionId, CancellationToken cancellationToken = default) =>
        QueryDebriefAsync(SessionSql.SelectDebrief + " WHERE session_id = @Value", sessionId, cancellationToken);

    public Task<DebriefRecord?> FindDebriefByTokenAsync(string token, CancellationToken cancellationToken = default) =>
        QueryDebriefAsync(SessionSql.SelectDebrief + " WHERE token = @Value", token, cancellationToken);

    public async Task<bool> CreateCodeAsync(SessionCode code, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            SessionSql.InsertCode, SessionCodeRow.From(code), cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<SessionCode?> FindCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionCodeRow>(new CommandDefinition(
            SessionSql.SelectCode + " WHERE code = @Code", new { Code = code }, cancellationToken: cancellationToken));
        return row?.ToCode();
    }

    public async Task<IReadOnlyList<SessionCode>> ListCodesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        var rows = await connection.QueryAsync<SessionCodeRow>(new CommandDefinition(
            SessionSql.SelectCode + " ORDER BY created_at DESC, code", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToCode()).ToArray();
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_prepared)
        {
            return;
        }
        await _prepare.WaitAsync(cancellationToken);
        try
        {
            if (!_prepared)
            {
                await InitializeAsync();
                _prepared = true;
            }
        }
        finally
        {
            _prepare.Release();
        }
    }

    private async Task InitializeAsync()
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
            await SchemaMigrator.MigrateAsync(connection, Migrations.All, _time);
        }
        catch (SqliteException e)
        {
            throw new StorageException($"Cannot prepare the SQLite database '{Path}': {e.Message}", e);
        }
    }

    private async Task<SqliteConnection> OpenReadyAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        return await OpenAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
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

    private async Task<SessionRecord?> QuerySessionAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<SessionRow>(new CommandDefinition(sql, new { Value = value }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    private async Task<DebriefRecord?> QueryDebriefAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadyAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DebriefRow>(new CommandDefinition(sql, new { Value = value }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    private static Task<string?> SelectTurnRequestAsync(
        SqliteConnection connection, System.Data.Common.DbTransaction? transaction, string sessionId, string requestKey, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            SessionSql.SelectTurnRequest, new { SessionId = sessionId, RequestKey = requestKey }, transaction, cancellationToken: cancellationToken));
}
