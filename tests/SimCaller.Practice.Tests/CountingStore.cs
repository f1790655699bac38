using SimCaller.Core.Calls;
using SimCaller.Practice.Storage;

namespace SimCaller.Practice.Tests;

/// <summary>A store that counts the calls made on it (each is at least one database round trip), over a real store.</summary>
public sealed class CountingStore(ISessionStore inner) : ISessionStore
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    private T Count<T>(T result)
    {
        Interlocked.Increment(ref _calls);
        return result;
    }

    public Task<bool> CreateSessionAsync(SessionRecord session, TranscriptTurn opening, CancellationToken cancellationToken = default) => Count(inner.CreateSessionAsync(session, opening, cancellationToken));
    public Task<SessionRecord?> FindSessionAsync(string sessionId, CancellationToken cancellationToken = default) => Count(inner.FindSessionAsync(sessionId, cancellationToken));
    public Task<SessionRecord?> FindSessionByExternalRefAsync(string externalRef, CancellationToken cancellationToken = default) => Count(inner.FindSessionByExternalRefAsync(externalRef, cancellationToken));
    public Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(int limit, CancellationToken cancellationToken = default) => Count(inner.ListSessionsAsync(limit, cancellationToken));
    public Task<SessionPage<SessionRecord>> QuerySessionsAsync(SessionQuery query, CancellationToken cancellationToken = default) => Count(inner.QuerySessionsAsync(query, cancellationToken));
    public Task<StoredCall?> LoadCallAsync(string sessionId, string? requestKey = null, CancellationToken cancellationToken = default) => Count(inner.LoadCallAsync(sessionId, requestKey, cancellationToken));
    public Task<IReadOnlyList<TranscriptTurn>> GetTurnsAsync(string sessionId, CancellationToken cancellationToken = default) => Count(inner.GetTurnsAsync(sessionId, cancellationToken));
    public Task<AppendResult> AppendAsync(string sessionId, TurnAppend append, CancellationToken cancellationToken = default) => Count(inner.AppendAsync(sessionId, append, cancellationToken));
    public Task<string?> FindTurnResultAsync(string sessionId, string requestKey, CancellationToken cancellationToken = default) => Count(inner.FindTurnResultAsync(sessionId, requestKey, cancellationToken));
    public Task<DebriefRecord?> FindDebriefAsync(string sessionId, CancellationToken cancellationToken = default) => Count(inner.FindDebriefAsync(sessionId, cancellationToken));
    public Task<DebriefRecord?> FindDebriefByTokenAsync(string token, CancellationToken cancellationToken = default) => Count(inner.FindDebriefByTokenAsync(token, cancellationToken));
    public Task<bool> CreateCodeAsync(SessionCode code, CancellationToken cancellationToken = default) => Count(inner.CreateCodeAsync(code, cancellationToken));
    public Task<SessionCode?> FindCodeAsync(string code, CancellationToken cancellationToken = default) => Count(inner.FindCodeAsync(code, cancellationToken));
    public Task<IReadOnlyList<SessionCode>> ListCodesAsync(CancellationToken cancellationToken = default) => Count(inner.ListCodesAsync(cancellationToken));
}
