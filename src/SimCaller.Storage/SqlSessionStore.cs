using System.Data.Common;
using Dapper;
using SimCaller.Core.Calls;
using SimCaller.Practice;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Rows;

namespace SimCaller.Storage;

/// <summary>
/// The session store over any SQL engine that takes the shared schema and <see cref="SessionSql"/>:
/// every query and transaction lives here once. An engine's store supplies only how to open a
/// connection, how to prepare the schema and, where it differs, how to begin a write and which
/// failures mean a pooled connection had gone stale.
/// Every operation runs through <see cref="RunAsync{T}"/>: a stale connection is retried once on a fresh
/// one (each operation is atomic and safe to repeat), and any other database failure surfaces as a
/// <see cref="StorageException"/>, never as the driver's own exception.
/// </summary>
public abstract partial class SqlSessionStore<TConnection> : ISessionStore
    where TConnection : DbConnection
{
    private readonly Lock _readyGate = new();
    private Task? _ready;

    // Only this assembly's engines derive: the hooks below are not a public extension point.
    private protected SqlSessionStore(TimeProvider? time)
    {
        Time = time ?? TimeProvider.System;
    }

    private protected TimeProvider Time { get; }

    /// <summary>Creates or migrates the schema now rather than on first use; returns the schema version.</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken = default) =>
        RunAsync(connection => connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken: cancellationToken)), cancellationToken);

    public Task<bool> CreateSessionAsync(SessionRecord session, TranscriptTurn opening, CancellationToken cancellationToken = default) =>
        RunAsync(async connection =>
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(SessionSql.InsertSession, SessionRow.From(session), transaction, cancellationToken: cancellationToken));
            // The opening line keeps the state the call started in, so a replay can start from turn one.
            await connection.ExecuteAsync(new CommandDefinition(SessionSql.InsertTurn, RowMapping.ToRow(session.Id, opening, session.MoodSnapshot), transaction, cancellationToken: cancellationToken));
            if (session.ExternalRef is not null)
            {
                // The reference's primary key decides between two starts of one call: on PostgreSQL the
                // later insert waits for the earlier transaction and then inserts nothing; on SQLite the
                // write lock taken at BEGIN has already put them in line. The loser's rows are rolled back.
                var claimed = await connection.ExecuteAsync(new CommandDefinition(
                    SessionSql.ClaimExternalRef, new { session.ExternalRef, session.Id }, transaction, cancellationToken: cancellationToken));
                if (claimed == 0)
                {
                    return false;
                }
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<SessionRecord?> FindSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        QuerySessionAsync(SessionSql.Select + " WHERE s.id = @Value", sessionId, cancellationToken);

    public Task<SessionRecord?> FindSessionByExternalRefAsync(string externalRef, CancellationToken cancellationToken = default) =>
        QuerySessionAsync(SessionSql.Select + " WHERE s.external_ref = @Value ORDER BY s.started_at DESC LIMIT 1", externalRef, cancellationToken);

    public async Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(int limit, CancellationToken cancellationToken = default) =>
        (await QuerySessionsAsync(new SessionQuery(Limit: limit), cancellationToken)).Sessions;

    public Task<SessionPage<SessionRecord>> QuerySessionsAsync(SessionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (where, parameters) = SessionFilter.Build(query);
        parameters.Add("Limit", Math.Max(0, query.Limit));
        parameters.Add("Offset", Math.Max(0, query.Offset));
        return RunAsync(async connection =>
        {
            // One round trip: the page and the total. The page's ids are found on the index alone first, so the
            // joins and wide columns are read for the rows shown, not for every row skipped or sorted.
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                $"{SessionSql.SelectListed} WHERE s.id IN ({SessionSql.SelectListedIds}{where} ORDER BY s.started_at DESC, s.id DESC LIMIT @Limit OFFSET @Offset)"
                + $" ORDER BY s.started_at DESC, s.id DESC;\n{SessionSql.CountListed}{where};",
                parameters,
                cancellationToken: cancellationToken));
            var rows = (await results.ReadAsync<SessionRow>()).Select(r => r.ToRecord()).ToArray();
            var total = await results.ReadSingleAsync<long>();
            return new SessionPage<SessionRecord>(rows, (int)total, query.Offset, query.Limit);
        }, cancellationToken);
    }

    public Task<StoredCall?> LoadCallAsync(string sessionId, string? requestKey = null, CancellationToken cancellationToken = default) =>
        RunAsync(async connection =>
        {
            // One round trip: the session, its turns and the request key's stored result.
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
                $"{SessionSql.Select} WHERE s.id = @SessionId;\n{SessionSql.SelectTurns};\n{SessionSql.SelectTurnRequest};",
                new { SessionId = sessionId, RequestKey = requestKey ?? "" },
                cancellationToken: cancellationToken));
            var session = (await results.ReadAsync<SessionRow>()).FirstOrDefault()?.ToRecord();
            var turns = (await results.ReadAsync<TurnRow>())
                .Select(row => new StoredTurn(RowMapping.ToTurn(row), row.MoodSnapshot, row.HoldSeconds))
                .ToArray();
            var result = (await results.ReadAsync<string?>()).FirstOrDefault();
            return session is null ? null : new StoredCall(session, turns, requestKey is null ? null : result);
        }, cancellationToken);

    public Task<IReadOnlyList<TranscriptTurn>> GetTurnsAsync(string sessionId, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<TranscriptTurn>>(async connection =>
        {
            var rows = await connection.QueryAsync<TurnRow>(new CommandDefinition(
                SessionSql.SelectTurns, new { SessionId = sessionId }, cancellationToken: cancellationToken));
            return rows.Select(RowMapping.ToTurn).ToArray();
        }, cancellationToken);

    public Task<AppendResult> AppendAsync(string sessionId, TurnAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        var requestKey = append.RequestKey;
        return RunAsync(async connection =>
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            if (requestKey is not null && await SelectTurnRequestAsync(connection, transaction, sessionId, requestKey, cancellationToken) is not null)
            {
                return AppendResult.DuplicateRequest;
            }
            // Of two appends at one turn count only one gets past this update: on SQLite the other is held
            // off by the write lock taken at BEGIN; on PostgreSQL it waits on the session row's lock, then
            // re-checks the count against the committed row and so updates nothing.
            var advanced = await connection.ExecuteAsync(new CommandDefinition(
                SessionSql.AdvanceSession,
                new
                {
                    SessionId = sessionId,
                    append.MoodSnapshot,
                    Added = append.Turns.Count,
                    Expected = append.ExpectedTurnCount,
                    EndedAt = append.Ending is { } ending ? RowMapping.FormatTime(ending.EndedAt) : null,
                    Outcome = (append.Ending?.Outcome ?? CallOutcome.InProgress).ToId(),
                },
                transaction,
                cancellationToken: cancellationToken));
            if (advanced == 0)
            {
                // Lost to a turn that just committed; if it carried this request key, this post is its repeat.
                // (Under SQLite's up-front lock nothing can have committed since the check above, so there
                // this finds nothing new and costs one read on the conflict path only.)
                return requestKey is not null && await SelectTurnRequestAsync(connection, transaction, sessionId, requestKey, cancellationToken) is not null
                    ? AppendResult.DuplicateRequest
                    : AppendResult.Conflict;
            }
            if (append.Turns.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    SessionSql.InsertTurn,
                    append.Turns.Select(t => RowMapping.ToRow(sessionId, t.Turn, t.MoodSnapshot, t.HoldSeconds)),
                    transaction,
                    cancellationToken: cancellationToken));
            }
            if (requestKey is not null)
            {
                // The key's unique constraint is the last word: a same-key post that got past the checks
                // above inserts nothing here and its whole transaction is dropped.
                var remembered = await connection.ExecuteAsync(new CommandDefinition(
                    SessionSql.InsertTurnRequest,
                    new { SessionId = sessionId, RequestKey = requestKey, Result = append.ResultJson ?? "" },
                    transaction,
                    cancellationToken: cancellationToken));
                if (remembered == 0)
                {
                    return AppendResult.DuplicateRequest;
                }
            }
            if (append.Ending is { } end)
            {
                await connection.ExecuteAsync(new CommandDefinition(SessionSql.InsertDebrief, DebriefRow.From(end.Debrief), transaction, cancellationToken: cancellationToken));
            }
            await transaction.CommitAsync(cancellationToken);
            return AppendResult.Appended;
        }, cancellationToken);
    }

    public Task<string?> FindTurnResultAsync(string sessionId, string requestKey, CancellationToken cancellationToken = default) =>
        RunAsync(connection => SelectTurnRequestAsync(connection, null, sessionId, requestKey, cancellationToken), cancellationToken);

    public Task<DebriefRecord?> FindDebriefAsync(string sessionId, CancellationToken cancellationToken = default) =>
        QueryDebriefAsync(SessionSql.SelectDebrief + " WHERE session_id = @Value", sessionId, cancellationToken);

    public Task<DebriefRecord?> FindDebriefByTokenAsync(string token, CancellationToken cancellationToken = default) =>
        QueryDebriefAsync(SessionSql.SelectDebrief + " WHERE token = @Value", token, cancellationToken);

    public Task<bool> CreateCodeAsync(SessionCode code, CancellationToken cancellationToken = default) =>
        RunAsync(async connection => await connection.ExecuteAsync(new CommandDefinition(
            SessionSql.InsertCode, SessionCodeRow.From(code), cancellationToken: cancellationToken)) == 1, cancellationToken);

    public Task<SessionCode?> FindCodeAsync(string code, CancellationToken cancellationToken = default) =>
        RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<SessionCodeRow>(new CommandDefinition(
            SessionSql.SelectCode + " WHERE code = @Code", new { Code = code }, cancellationToken: cancellationToken)))?.ToCode(), cancellationToken);

    public Task<IReadOnlyList<SessionCode>> ListCodesAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<SessionCode>>(async connection =>
        {
            var rows = await connection.QueryAsync<SessionCodeRow>(new CommandDefinition(
                SessionSql.SelectCode + " ORDER BY created_at DESC, code", cancellationToken: cancellationToken));
            return rows.Select(r => r.ToCode()).ToArray();
        }, cancellationToken);

    /// <summary>Which database, for messages (never a password).</summary>
    private protected abstract string DatabaseName { get; }

    /// <summary>An open connection; a failure to open is a <see cref="StorageException"/> naming the database.</summary>
    private protected abstract Task<TConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when the failure says the connection itself was dead before the operation began, e.g. a pooled
    /// connection the server dropped in a restart: the same operation on a fresh connection may well work.
    /// </summary>
    private protected virtual bool IsStaleConnection(DbException failure) => false;

    /// <summary>Forgets pooled connections after a stale one: they were opened to the same server and are as dead.</summary>
    private protected virtual void DropPooledConnections()
    {
    }

    /// <summary>Creates or migrates the schema, on a connection of its own.</summary>
    private protected abstract Task PrepareSchemaAsync();

    /// <summary>The transaction each write runs in; the engine's own default unless it needs more.</summary>
    private protected virtual ValueTask<DbTransaction> BeginWriteAsync(TConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(cancellationToken);

    /// <summary>
    /// The schema is readied once per store; a failed attempt (database not up yet, file locked) is not
    /// remembered, so the next call tries again instead of failing for the life of the process.
    /// </summary>
    private Task EnsureReadyAsync()
    {
        lock (_readyGate)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                // Started off the caller's thread: SQLite prepares synchronously, and the gate is only
                // for choosing who starts, not for waiting the preparation out.
                _ready = Task.Run(PrepareSchemaAsync);
            }
            return _ready;
        }
    }

    /// <summary>
    /// Runs one store operation on its own connection. A stale connection is retried once on a fresh one:
    /// its transaction committed nothing, and every operation here is atomic and safe to repeat anyway
    /// (request keys, turn counts, unique references). Any other database failure becomes a
    /// <see cref="StorageException"/>, so callers see one kind of outage whatever the engine.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<TConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureReadyAsync().WaitAsync(cancellationToken);
                await using var connection = await OpenAsync(cancellationToken);
                return await operation(connection);
            }
            catch (DbException e) when (attempt == 1 && IsStaleConnection(e))
            {
                DropPooledConnections();
            }
            catch (DbException e)
            {
                throw new StorageException($"The database {DatabaseName} failed: {e.Message}", e);
            }
        }
    }

    private Task<SessionRecord?> QuerySessionAsync(string sql, string value, CancellationToken cancellationToken) =>
        RunAsync(async connection => (await connection.QueryFirstOrDefaultAsync<SessionRow>(
            new CommandDefinition(sql, new { Value = value }, cancellationToken: cancellationToken)))?.ToRecord(), cancellationToken);

    private Task<DebriefRecord?> QueryDebriefAsync(string sql, string value, CancellationToken cancellationToken) =>
        RunAsync(async connection => (await connection.QuerySingleOrDefaultAsync<DebriefRow>(
            new CommandDefinition(sql, new { Value = value }, cancellationToken: cancellationToken)))?.ToRecord(), cancellationToken);

    private static Task<string?> SelectTurnRequestAsync(
        DbConnection connection, DbTransaction? transaction, string sessionId, string requestKey, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            SessionSql.SelectTurnRequest, new { SessionId = sessionId, RequestKey = requestKey }, transaction, cancellationToken: cancellationToken));
}
