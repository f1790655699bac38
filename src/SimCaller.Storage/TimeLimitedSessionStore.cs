using System.Data.Common;
using SimCaller.Core.Calls;
using SimCaller.Practice;
using SimCaller.Practice.Storage;

namespace SimCaller.Storage;

/// <summary>
/// Wraps a store so that no operation takes longer than a deadline: past it, the caller gets a
/// <see cref="StoreUnavailableException"/> instead of waiting on a frozen database. The operation is
/// asked to cancel and otherwise left to finish on its own; that is safe because every store operation
/// is atomic and safe to repeat, so a late commit and a later retry of the same request still apply it
/// once. Failures a store lets through as the driver's own exception are reported the same way.
/// </summary>
public sealed class TimeLimitedSessionStore : ISessionStore
{
    /// <summary>The service key of the store this one wraps, where composition registers the engine's store.</summary>
    public const string InnerServiceKey = "SimCaller.Storage.TimeLimited.Inner";

    private readonly ISessionStore _inner;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public TimeLimitedSessionStore(ISessionStore inner, TimeSpan timeout, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _inner = inner;
        _timeout = timeout;
        _time = time ?? TimeProvider.System;
    }

    public Task<bool> CreateSessionAsync(SessionRecord session, TranscriptTurn opening, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.CreateSessionAsync(session, opening, ct), "storing a new session", cancellationToken);

    public Task<SessionRecord?> FindSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.FindSessionAsync(sessionId, ct), "reading a session", cancellationToken);

    public Task<SessionRecord?> FindSessionByExternalRefAsync(string externalRef, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.FindSessionByExternalRefAsync(externalRef, ct), "finding the call's session", cancellationToken);

    public Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(int limit, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.ListSessionsAsync(limit, ct), "listing sessions", cancellationToken);

    public Task<IReadOnlyList<TranscriptTurn>> GetTurnsAsync(string sessionId, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.GetTurnsAsync(sessionId, ct), "reading the transcript", cancellationToken);

    public Task<SessionPage<SessionRecord>> QuerySessionsAsync(SessionQuery query, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.QuerySessionsAsync(query, ct), "listing sessions", cancellationToken);

    public Task<StoredCall?> LoadCallAsync(string sessionId, string? requestKey = null, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.LoadCallAsync(sessionId, requestKey, ct), "reading the call", cancellationToken);

    public Task<AppendResult> AppendAsync(string sessionId, TurnAppend append, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.AppendAsync(sessionId, append, ct), "storing a turn", cancellationToken);

    public Task<string?> FindTurnResultAsync(string sessionId, string requestKey, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.FindTurnResultAsync(sessionId, requestKey, ct), "reading a turn's result", cancellationToken);

    public Task<DebriefRecord?> FindDebriefAsync(string sessionId, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.FindDebriefAsync(sessionId, ct), "reading a debrief", cancellationToken);

    public Task<DebriefRecord?> FindDebriefByTokenAsync(string token, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.FindDebriefByTokenAsync(token, ct), "reading a debrief", cancellationToken);

    public Task<bool> CreateCodeAsync(SessionCode code, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.CreateCodeAsync(code, ct), "storing a session code", cancellationToken);

    public Task<SessionCode?> FindCodeAsync(string code, CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.FindCodeAsync(code, ct), "reading a session code", cancellationToken);

    public Task<IReadOnlyList<SessionCode>> ListCodesAsync(CancellationToken cancellationToken = default) =>
        BoundAsync(ct => _inner.ListCodesAsync(ct), "listing session codes", cancellationToken);

    private async Task<T> BoundAsync<T>(Func<CancellationToken, Task<T>> operation, string what, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Off the caller's thread: SQLite does its work (and its busy wait) inside the call that returns the
        // task, so without this a locked file would hold the caller past any deadline.
        var work = Task.Run(() => operation(deadline.Token), CancellationToken.None);
        try
        {
            return await work.WaitAsync(_timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            await deadline.CancelAsync();
            throw new StoreUnavailableException($"The database did not answer within {_timeout.TotalSeconds:0.#} s ({what}).");
        }
        catch (DbException e)
        {
            throw new StoreUnavailableException($"The database failed ({what}): {e.Message}", e);
        }
        finally
        {
            // An abandoned operation still ends some time: observe its failure and free its token then.
            _ = work.ContinueWith(static (finished, state) =>
            {
                _ = finished.Exception;
                ((CancellationTokenSource)state!).Dispose();
            }, deadline, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
