using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SimCaller.Api.Accounts;
using SimCaller.Api.Campaigns;
using SimCaller.Evaluation.Rendering;
using SimCaller.Training;

namespace SimCaller.Api.Reviews;

/// <summary>
/// A trainer's review over HTTP: POST /api/sessions/{id}/overrides changes one criterion's score with a
/// reason and answers with the debrief JSON carrying every override. Trainers and admins of the session's
/// organisation only; anyone else's session is answered as not found.
/// </summary>
public static class ReviewEndpoints
{
    public sealed record OverrideRequest(string? Criterion, int? Score, string? Reason);

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/sessions").RequireAuthorization(ConsoleApi.ReviewPolicy).RequireAntiforgeryForCookies()
            .MapPost("/{id}/overrides", OverrideAsync).WithName("OverrideScore");
        return app;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> OverrideAsync(
        string id, OverrideRequest? request, ClaimsPrincipal user, ReviewService reviews, CancellationToken ct)
    {
        if (request is null)
        {
            return Problems.BadRequest("Send {\"criterion\": \"empathy\", \"score\": 80, \"reason\": \"why\"}.");
        }
        return await RefusalProblems.RunAsync(async () =>
        {
            var debrief = await reviews.OverrideAsync(user.Caller()!, id, request.Criterion, request.Score, request.Reason, ct);
            return TypedResults.Text(DebriefJson.Serialize(debrief), "application/json", Encoding.UTF8);
        });
    }
}
