using System.Data.Common;
using Dapper;
using Npgsql;
using SimCaller.Core.Calls;
using SimCaller.Practice;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Rows;

namespace SimCaller.Storage.Postgres;

/// <summary>
/// The shared store: one PostgreSQL database that several API instances use at once, so any of them
/// can carry on any call. Same tables and queries as the SQLite store; the schema is created or
/// migrated on first use, one instance at a time.
/// </summary>
public sealed class PostgresSessionStore : ISessionStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly Lock _readyGate = new();
    private Task? _ready;

    /// <param name="connectionString">An Npgsql connection string, e.g. "Host=db;Username=simcaller;Password=...;Database=simcaller".</param>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public PostgresSessionStore(string connectionString, TimeProvider? time = null)
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
        _time = time ?? TimeProvider.System;
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Which database, for messages: "name on host:port", never the password.</summary>
    public string Database { get; }

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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (requestKey is not null && await SelectTurnRequestAsync(connection, transaction, sessionId, requestKey, cancellationToken) is not null)
        {
            return AppendResult.DuplicateRequest;
        }
        // The update locks the session row: a concurrent append waits here, then re-checks the turn
        // count against the committed row and so updates nothing.
        var advanced = await connection.ExecuteAsync(new CommandDefinition(
            SessionSql.AdvanceSession,
            new { SessionId = sessionId, MoodSnapshot = moodSnapshot, Added = turns.Count, Expected = expectedTurnCount },
            transaction,
            cancellationToken: cancellationToken));
        if (advanced == 0)
        {
            // Lost to a turn that just committed; if it carried this request key, this post is its repeat.
            return requestKey is not null && await SelectTurnRequestAsync(connection, transaction, sessionId, requestKey, cancellationToken) is not null
                ? AppendResult.DuplicateRequest
                : AppendResult.Conflict;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            SessionSql.InsertTurn, turns.Select(t => RowMapping.ToRow(sessionId, t)), transaction, cancellationToken: cancellationToken));
        if (requestKey is not null)
        {
            // The key's unique constraint is the last word: a same-key post that got past the checks
            // above inserts nothing here and its whole transaction is dropped.
            var remembered = await connection.ExecuteAsync(new CommandDefinition(
                SessionSql.InsertTurnRequest,
                new { SessionId = sessionId, RequestKey = requestKey, Result = resultJson ?? "" },
                transaction,
                cancellationToken: cancellationToken));
            if (remembered == 0)
            {
                return AppendResult.DuplicateRequest;
            }
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
        // A concurrent end waits on the row lock, then finds ended_at set and updates nothing.
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

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    /// <summary>
    /// The schema is readied once per store; a failed attempt (database not up yet) is not
    /// remembered, so the next call tries again instead of failing for the life of the process.
    /// </summary>
    private Task EnsureReadyAsync()
    {
        lock (_readyGate)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = InitializeAsync();
            }
            return _ready;
        }
    }

    private async Task InitializeAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await PostgresSchemaMigrator.MigrateAsync(connection, _time, CancellationToken.None);
    }

    private async Task<NpgsqlConnection> OpenReadyAsync(CancellationToken cancellationToken)
    {
        await EnsureReadyAsync().WaitAsync(cancellationToken);
        return await OpenAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
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
        NpgsqlConnection connection, DbTransaction? transaction, string sessionId, string requestKey, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            SessionSql.SelectTurnRequest, new { SessionId = sessionId, RequestKey = requestKey }, transaction, cancellationToken: cancellationToken));
}
