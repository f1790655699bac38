using SimCaller.Practice;
using SimCaller.Practice.Storage;

namespace SimCaller.Accounts;

/// <summary>
/// Who may see and who may continue which session; every channel that shows sessions asks here.
/// Admins, trainers and hiring managers see their organisation's sessions, trainees their own. Only whoever
/// started a call continues or ends it: the account that started it, or the holder of its call token.
/// A session the caller may not see is reported as missing, so nothing about it leaks.
/// </summary>
public sealed class SessionAccess(PracticeService practice)
{
    public static bool MaySee(Caller caller, SessionInfo session) =>
        session.OrganisationId == caller.OrganisationId
        && (caller.Role.SeesOrganisationSessions() || session.AccountId == caller.AccountId);

    /// <param name="caller">The signed-in account, if any.</param>
    /// <param name="callToken">The call token presented, if any.</param>
    public static bool MayContinue(Caller? caller, string? callToken, SessionInfo session) =>
        caller is not null
            ? session.AccountId is not null && session.AccountId == caller.AccountId
            : Secrets.Matches(callToken, session.CallTokenHash);

    /// <summary>The query limited to what the caller may see: their organisation, and for a trainee their own sessions.</summary>
    public static SessionQuery Scope(Caller caller, SessionQuery query) => query with
    {
        OrganisationId = caller.OrganisationId,
        AccountId = caller.Role.SeesOrganisationSessions() ? query.AccountId : caller.AccountId,
    };

    /// <summary>The session, or null when it does not exist or the caller may not see it.</summary>
    public async Task<SessionInfo?> FindVisibleAsync(Caller caller, string sessionId, CancellationToken ct = default) =>
        await practice.FindAsync(sessionId ?? "", ct) is { } session && MaySee(caller, session) ? session : null;

    /// <summary>The session, or null when it does not exist or the caller (account or call token) did not start it.</summary>
    public async Task<SessionInfo?> FindContinuableAsync(Caller? caller, string? callToken, string sessionId, CancellationToken ct = default) =>
        await practice.FindAsync(sessionId ?? "", ct) is { } session && MayContinue(caller, callToken, session) ? session : null;

    /// <summary>The sessions the caller may see that match the query, newest first.</summary>
    /// <exception cref="ArgumentException">Bad paging or ranges (see <see cref="PracticeService.QuerySessionsAsync"/>).</exception>
    public Task<SessionPage<SessionInfo>> QueryAsync(Caller caller, SessionQuery query, CancellationToken ct = default) =>
        practice.QuerySessionsAsync(Scope(caller, query), ct);

    /// <summary>The debrief of a session the caller may see; null when there is none or it is not theirs to see.</summary>
    public async Task<StoredDebrief?> FindVisibleDebriefAsync(Caller caller, string sessionId, CancellationToken ct = default) =>
        await FindVisibleAsync(caller, sessionId, ct) is { } session ? await practice.FindDebriefAsync(session.SessionId, ct) : null;

    /// <summary>
    /// A session code as typed. Without an account any organisation's code works (the code is the
    /// credential); a signed-in caller may only use their own organisation's codes.
    /// </summary>
    public async Task<SessionCode?> FindCodeAsync(Caller? caller, string code, CancellationToken ct = default) =>
        await practice.FindCodeAsync(code, ct) is { } found && (caller is null || found.OrganisationId == caller.OrganisationId) ? found : null;
}
