using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Core.Calls;
using SimCaller.Evaluation.Rendering;
using SimCaller.Practice;
using SimCaller.Practice.Storage;
using SimCaller.Training;

namespace SimCaller.Api.Sessions;

/// <summary>
/// Stored sessions for signed-in accounts: the list (JSON, paged), the same list as CSV, and a debrief.
/// Every query is limited by <see cref="SessionAccess"/> to the caller's organisation (a trainee's to their
/// own sessions); a session outside it is answered as not found.
/// </summary>
public static class SessionEndpoints
{
    private const int CsvBatch = 500;

    public sealed record SessionItem(
        string SessionId, string Persona, string Difficulty, int Seed, string Outcome, double? Score, string? Trainee, string? Code, DateTimeOffset StartedAt);

    public sealed record SessionList(IReadOnlyList<SessionItem> Items, int Total);

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(WebAccess.AccountPolicy);
        api.MapGet("/sessions", ListAsync).WithName("ListSessions");
        api.MapGet("/sessions.csv", CsvAsync).WithName("ListSessionsCsv");
        api.MapGet("/sessions/{id}/debrief", DebriefAsync).WithName("SessionDebrief");
        return app;
    }

    public static async Task<Results<Ok<SessionList>, ProblemHttpResult>> ListAsync(
        HttpRequest request, ClaimsPrincipal user, SessionAccess access, CancellationToken ct)
    {
        var (query, error) = SessionFilters.Parse(request.Query);
        if (query is null)
        {
            return Problems.BadRequest(error!);
        }
        var page = await access.QueryAsync(user.Caller()!, query, ct);
        return TypedResults.Ok(new SessionList(page.Sessions.Select(Item).ToArray(), page.Total));
    }

    /// <summary>Every session matching the filters (paging does not apply), written in batches as they are read.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> CsvAsync(
        HttpContext context, ClaimsPrincipal user, SessionAccess access, CancellationToken ct)
    {
        var (query, error) = SessionFilters.Parse(context.Request.Query);
        if (query is null)
        {
            return Problems.BadRequest(error!);
        }
        var caller = user.Caller()!;
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"sessions.csv\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteAsync("session_id,persona,difficulty,seed,outcome,score,trainee,code,started_at\r\n");
        for (var offset = 0; ; offset += CsvBatch)
        {
            var page = await access.QueryAsync(caller, query with { Offset = offset, Limit = CsvBatch }, ct);
            foreach (var s in page.Sessions)
            {
                var item = Item(s);
                await writer.WriteAsync(string.Join(',',
                    Csv.Cell(item.SessionId), Csv.Cell(item.Persona), Csv.Cell(item.Difficulty), item.Seed.ToString(CultureInfo.InvariantCulture),
                    Csv.Cell(item.Outcome), item.Score?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", Csv.Cell(item.Trainee), Csv.Cell(item.Code),
                    item.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) + "\r\n");
            }
            if (page.Sessions.Count < CsvBatch)
            {
                break;
            }
        }
        await writer.FlushAsync(ct);
        return TypedResults.Empty;
    }

    /// <summary>The debrief JSON of docs/debrief-schema.md.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> DebriefAsync(
        string id, ClaimsPrincipal user, SessionAccess access, ReviewService reviews, CancellationToken ct)
    {
        var caller = user.Caller()!;
        if (await access.FindVisibleAsync(caller, id, ct) is not { } session)
        {
            return Problems.NotFound($"There is no session '{id}'.");
        }
        // With a trainer's overrides and the reviewed score, which the trainee sees too.
        return await access.FindVisibleDebriefAsync(caller, session.SessionId, ct) is { } stored
            ? TypedResults.Text(DebriefJson.Serialize(await reviews.WithReviewAsync(stored.Debrief, ct)), "application/json", Encoding.UTF8)
            : Problems.NotFound($"Session '{id}' has no debrief yet: the call is still in progress.");
    }

    private static SessionItem Item(SessionInfo s) =>
        new(s.SessionId, s.PersonaId, s.Difficulty, s.Seed, s.Outcome.ToId(), s.Score, s.Trainee, s.Code, s.StartedAt);

}
