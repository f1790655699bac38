using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SimCaller.Api.Accounts;
using SimCaller.Hiring;

namespace SimCaller.Api.Campaigns;

/// <summary>
/// Hiring campaigns over HTTP, for hiring managers and admins: create, invite candidates, compare them
/// (JSON and CSV), delete a candidate with their sessions. Every lookup is limited to the caller's
/// organisation; another organisation's campaign or candidate is answered as not found.
/// </summary>
public static class CampaignEndpoints
{
    public sealed record CreateCampaignRequest(
        string? Name, string? Persona, string? Difficulty, int? Seed, int? MaxAttempts, DateTimeOffset? ExpiresAt, bool? ShowResults, string? Rubric);

    public sealed record CampaignCreated(string CampaignId);

    public sealed record CampaignView(
        string CampaignId, string Name, string Persona, string Difficulty, int Seed, string Rubric, int MaxAttempts, DateTimeOffset ExpiresAt,
        bool ShowResults, DateTimeOffset CreatedAt);

    public sealed record CampaignList(IReadOnlyList<CampaignView> Items);

    public sealed record InviteRequest(string? Candidate);

    public sealed record InviteCreated(string InviteToken, string InviteUrl, string CandidateId);

    public sealed record ComparisonItem(
        string CandidateId, string Candidate, int Attempts, int? BestScore, string? Outcome, IReadOnlyDictionary<string, int> Criteria,
        double? FirstEmpathySeconds, int? HarmfulMoves);

    public sealed record Comparison(IReadOnlyList<ComparisonItem> Rows);

    public sealed record CandidateDeleted(string CandidateId, int SessionsDeleted);

    /// <summary>Where a candidate opens their invite in a browser.</summary>
    public static string InvitePath(string token) => "/invite/" + Uri.EscapeDataString(token);

    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/campaigns").RequireAuthorization(ConsoleApi.HiringPolicy).RequireAntiforgeryForCookies();
        campaigns.MapPost("", CreateAsync).WithName("CreateCampaign");
        campaigns.MapGet("", ListAsync).WithName("ListCampaigns");
        campaigns.MapGet("/{id}", GetAsync).WithName("GetCampaign");
        campaigns.MapPost("/{id}/invites", InviteAsync).WithName("InviteCandidate");
        campaigns.MapGet("/{id}/comparison", ComparisonAsync).WithName("CampaignComparison");
        campaigns.MapGet("/{id}/comparison.csv", ComparisonCsvAsync).WithName("CampaignComparisonCsv");
        app.MapGroup("/api/candidates").RequireAuthorization(ConsoleApi.HiringPolicy).RequireAntiforgeryForCookies()
            .MapDelete("/{id}", DeleteCandidateAsync).WithName("DeleteCandidate");
        return app;
    }

    public static async Task<Results<Created<CampaignCreated>, ProblemHttpResult>> CreateAsync(
        CreateCampaignRequest? request, ClaimsPrincipal user, HiringService hiring, CancellationToken ct)
    {
        if (request is null)
        {
            return Problems.BadRequest("Send {\"name\", \"persona\", \"difficulty\", \"seed\", \"max_attempts\", \"expires_at\"}.");
        }
        return await RefusalProblems.RunAsync(async () =>
        {
            var campaign = await hiring.CreateCampaignAsync(user.Caller()!, request.Name, request.Persona, request.Difficulty, request.Seed,
                request.MaxAttempts, request.ExpiresAt, request.ShowResults ?? false, request.Rubric, ct);
            return TypedResults.Created($"/api/campaigns/{campaign.Id}", new CampaignCreated(campaign.Id));
        });
    }

    public static async Task<Results<Ok<CampaignList>, ProblemHttpResult>> ListAsync(ClaimsPrincipal user, HiringService hiring, CancellationToken ct) =>
        await RefusalProblems.RunAsync(async () =>
            TypedResults.Ok(new CampaignList((await hiring.ListCampaignsAsync(user.Caller()!, ct)).Select(View).ToArray())));

    public static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, HiringService hiring, CancellationToken ct) =>
        await RefusalProblems.RunAsync(async () => TypedResults.Ok(View(await hiring.GetCampaignAsync(user.Caller()!, id, ct))));

    public static async Task<Results<Created<InviteCreated>, ProblemHttpResult>> InviteAsync(
        string id, InviteRequest? request, HttpRequest http, ClaimsPrincipal user, HiringService hiring, CancellationToken ct) =>
        await RefusalProblems.RunAsync(async () =>
        {
            var invite = await hiring.InviteAsync(user.Caller()!, id, request?.Candidate, ct);
            var url = $"{http.Scheme}://{http.Host}{http.PathBase}{InvitePath(invite.Token)}";
            return TypedResults.Created($"/api/campaigns/{id}/comparison", new InviteCreated(invite.Token, url, invite.Candidate.Id));
        });

    public static async Task<Results<Ok<Comparison>, ProblemHttpResult>> ComparisonAsync(
        string id, HttpRequest http, ClaimsPrincipal user, HiringService hiring, CancellationToken ct)
    {
        if (ParseSort(http.Query) is not { } sort)
        {
            return Problems.BadRequest(SortHelp);
        }
        return await RefusalProblems.RunAsync(async () =>
        {
            var rows = await hiring.CompareAsync(user.Caller()!, id, sort.Sort, sort.Descending, ct);
            return TypedResults.Ok(new Comparison(rows.Select(r => new ComparisonItem(
                r.CandidateId, r.Candidate, r.Attempts, r.BestScore, r.Outcome, r.Criteria, r.FirstEmpathySeconds, r.HarmfulMoves)).ToArray()));
        });
    }

    /// <summary>The comparison as CSV: the JSON's columns, then one column per criterion.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ComparisonCsvAsync(
        string id, HttpRequest http, ClaimsPrincipal user, HiringService hiring, CancellationToken ct)
    {
        if (ParseSort(http.Query) is not { } sort)
        {
            return Problems.BadRequest(SortHelp);
        }
        return await RefusalProblems.RunAsync(async () =>
        {
            var rows = await hiring.CompareAsync(user.Caller()!, id, sort.Sort, sort.Descending, ct);
            var criteria = rows.SelectMany(r => r.Criteria.Keys).Distinct(StringComparer.Ordinal).ToArray();
            var csv = new StringBuilder();
            csv.Append(string.Join(',', new[] { "candidate_id", "candidate", "attempts", "best_score", "outcome", "first_empathy_seconds", "harmful_moves" }
                .Concat(criteria.Select(Csv.Cell)))).Append("\r\n");
            foreach (var r in rows)
            {
                csv.Append(string.Join(',', new[]
                {
                    Csv.Cell(r.CandidateId), Csv.Cell(r.Candidate), r.Attempts.ToString(CultureInfo.InvariantCulture),
                    r.BestScore?.ToString(CultureInfo.InvariantCulture) ?? "", Csv.Cell(r.Outcome),
                    r.FirstEmpathySeconds?.ToString("0.#", CultureInfo.InvariantCulture) ?? "", r.HarmfulMoves?.ToString(CultureInfo.InvariantCulture) ?? "",
                }.Concat(criteria.Select(c => r.Criteria.TryGetValue(c, out var s) ? s.ToString(CultureInfo.InvariantCulture) : ""))))
                .Append("\r\n");
            }
            return TypedResults.File(new UTF8Encoding(false).GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"comparison-{id}.csv");
        });
    }

    public static async Task<Results<Ok<CandidateDeleted>, ProblemHttpResult>> DeleteCandidateAsync(
        string id, ClaimsPrincipal user, HiringService hiring, CancellationToken ct) =>
        await RefusalProblems.RunAsync(async () =>
            TypedResults.Ok(new CandidateDeleted(id, await hiring.DeleteCandidateAsync(user.Caller()!, id, ct))));

    private const string SortHelp = "sort must be one of score, candidate, first_empathy, harmful_moves, and order asc or desc.";

    private static (ComparisonSort Sort, bool? Descending)? ParseSort(IQueryCollection query)
    {
        var sortText = query["sort"].ToString().Trim().ToLowerInvariant();
        var orderText = query["order"].ToString().Trim().ToLowerInvariant();
        ComparisonSort? sort = sortText switch
        {
            "" or "score" => ComparisonSort.Score,
            "candidate" => ComparisonSort.Candidate,
            "first_empathy" => ComparisonSort.FirstEmpathy,
            "harmful_moves" => ComparisonSort.HarmfulMoves,
            _ => null,
        };
        if (sort is null || orderText is not ("" or "asc" or "desc") || query["sort"].Count > 1 || query["order"].Count > 1)
        {
            return null;
        }
        return (sort.Value, orderText == "" ? null : orderText == "desc");
    }

    private static CampaignView View(Campaign c) =>
        new(c.Id, c.Name, c.PersonaId, c.Difficulty, c.Seed, c.RubricId, c.MaxAttempts, c.ExpiresAt, c.ShowResults, c.CreatedAt);

}
