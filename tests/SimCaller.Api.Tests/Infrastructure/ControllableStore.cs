using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Core.Calls;
using SimCaller.Practice;
using SimCaller.Practice.Storage;
using SimCaller.Storage;

namespace SimCaller.Api.Tests.Infrastructure;

/// <summary>
/// A real store with a hand on its valve, put where the service keeps its engine's store (under the
/// store's deadline). It can hold the first few lookups of a call until they have all arrived (so
/// duplicate webhooks really race), freeze (calls wait, then run once thawed, as statements a frozen
/// server had already received), or fail the way a dead database does.
/// </summary>
public sealed class ControllableStore(ISessionStore inner) : ISessionStore
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _thawed = Completed();
    private Func<string, bool> _freezes = _ => false;
    private Func<string, bool> _fails = _ => false;
    private int _racers;
    private TaskCompletionSource _allArrived = Completed();

    /// <summary>Calls the frozen store has held so far.</summary>
    public int HeldCalls;

    /// <summary>When the frozen store first held a call (<see cref="System.Diagnostics.Stopwatch"/> ticks), 0 before.</summary>
    public long FirstHeldAt;

    /// <summary>Puts this store under the service's store deadline, in place of the configured engine's.</summary>
    public void Register(IServiceCollection services) =>
        services.AddKeyedSingleton<ISessionStore>(TimeLimitedSessionStore.InnerServiceKey, this);

    /// <summary>The next <paramref name="count"/> lookups by external reference wait for each other (at most 10 s).</summary>
    public void RaceNextLookups(int count)
    {
        lock (_gate)
        {
            _racers = count;
            _allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Operations whose name matches wait until <see cref="Thaw"/>.</summary>
    public void Freeze(Func<string, bool>? which = null)
    {
        lock (_gate)
        {
            _freezes = which ?? (_ => true);
            _thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Thaw()
    {
        lock (_gate)
        {
            _freezes = _ => false;
            _thawed.TrySetResult();
        }
    }

    /// <summary>Operations whose name matches throw the SQLite error of a locked file; null heals.</summary>
    public void Fail(Func<string, bool>? which) => _fails = which ?? (_ => false);

    public Task<bool> CreateSessionAsync(SessionRecord session, TranscriptTurn opening, CancellationToken ct = default) =>
        Run(nameof(CreateSessionAsync), c => inner.CreateSessionAsync(session, opening, c), ct);

    public Task<SessionRecord?> FindSessionAsync(string sessionId, CancellationToken ct = default) =>
        Run(nameof(FindSessionAsync), c => inner.FindSessionAsync(sessionId, c), ct);

    public async Task<SessionRecord?> FindSessionByExternalRefAsync(string externalRef, CancellationToken ct = default)
    {
        Task? race = null;
        lock (_gate)
        {
            if (_racers > 0)
            {
                race = _allArrived.Task;
                if (--_racers == 0) _allArrived.TrySetResult();
            }
        }
        if (race is not null)
        {
            // Bounded: a racer that never comes must not hang the test, only lose the race.
            await Task.WhenAny(race, Task.Delay(TimeSpan.FromSeconds(10), ct));
        }
        return await Run(nameof(FindSessionByExternalRefAsync), c => inner.FindSessionByExternalRefAsync(externalRef, c), ct);
    }

    public Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(int limit, CancellationToken ct = default) =>
        Run(nameof(ListSessionsAsync), c => inner.ListSessionsAsync(limit, c), ct);

    public Task<IReadOnlyList<TranscriptTurn>> GetTurnsAsync(string sessionId, CancellationToken ct = default) =>
        Run(nameof(GetTurnsAsync), c => inner.GetTurnsAsync(sessionId, c), ct);

    public Task<SessionPage<SessionRecord>> QuerySessionsAsync(SessionQuery query, CancellationToken ct = default) =>
        Run(nameof(QuerySessionsAsync), c => inner.QuerySessionsAsync(query, c), ct);

    public Task<StoredCall?> LoadCallAsync(string sessionId, string? requestKey = null, CancellationToken ct = default) =>
        Run(nameof(LoadCallAsync), c => inner.LoadCallAsync(sessionId, requestKey, c), ct);

    public Task<AppendResult> AppendAsync(string sessionId, TurnAppend append, CancellationToken ct = default) =>
        Run(nameof(AppendAsync), c => inner.AppendAsync(sessionId, append, c), ct);

    public Task<string?> FindTurnResultAsync(string sessionId, string requestKey, CancellationToken ct = default) =>
        Run(nameof(FindTurnResultAsync), c => inner.FindTurnResultAsync(sessionId, requestKey, c), ct);

    public Task<DebriefRecord?> FindDebriefAsync(string sessionId, CancellationToken ct = default) =>
        Run(nameof(FindDebriefAsync), c => inner.FindDebriefAsync(sessionId, c), ct);

    public Task<DebriefRecord?> FindDebriefByTokenAsync(string token, CancellationToken ct = default) =>
        Run(nameof(FindDebriefByTokenAsync), c => inner.FindDebriefByTokenAsync(token, c), ct);

    public Task<bool> CreateCodeAsync(SessionCode code, CancellationToken ct = default) =>
        Run(nameof(CreateCodeAsync), c => inner.CreateCodeAsync(code, c), ct);

    public Task<SessionCode?> FindCodeAsync(string code, CancellationToken ct = default) =>
        Run(nameof(FindCodeAsync), c => inner.FindCodeAsync(code, c), ct);

    public Task<IReadOnlyList<SessionCode>> ListCodesAsync(CancellationToken ct = default) =>
        Run(nameof(ListCodesAsync), c => inner.ListCodesAsync(c), ct);

    private async Task<T> Run<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        if (_fails(operation)) throw new SqliteException("database is locked", 5);
        Task? thawed = null;
        lock (_gate)
        {
            if (_freezes(operation)) thawed = _thawed.Task;
        }
        if (thawed is null) return await call(ct);
        if (Interlocked.Increment(ref HeldCalls) == 1) FirstHeldAt = System.Diagnostics.Stopwatch.GetTimestamp();
        // A frozen server neither answers nor cancels; once thawed it runs what it had been sent.
        await thawed;
        return await call(CancellationToken.None);
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
