using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Practice;
using SimCaller.Practice.Replay;

namespace SimCaller.Api.Sessions;

/// <summary>
/// POST /api/sessions/{id}/replay: the counterfactual replay for the console, the same JSON as `simcaller replay --json`.
/// For signed-in accounts with access to the session (<see cref="SessionAccess"/>); any other session is not found.
/// </summary>
public static class ReplayEndpoints
{
    /// <param name="Turn">The trainee turn to say differently (1 = the trainee's first line).</param>
    /// <param name="Say">What to say there instead.</param>
    /// <param name="Stop">Stop after the new line instead of replaying the remaining original lines.</param>
    public sealed record ReplayRequest(int? Turn, string? Say, bool? Stop);

    public static IEndpointRouteBuilder MapReplay(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sessions/{id}/replay", ReplayAsync)
            .RequireAuthorization(WebAccess.AccountPolicy)
            .RequireAntiforgeryForCookies()
            .WithName("ReplaySession");
        return app;
    }

    public static async Task<Results<Ok<JsonObject>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> ReplayAsync(
        string id, ReplayRequest? request, ClaimsPrincipal user, SessionAccess access, CallReplayer replayer, CancellationToken ct)
    {
        if (await access.FindVisibleAsync(user.Caller()!, id, ct) is null)
        {
            return TypedResults.NotFound(Problem($"There is no session '{id}'."));
        }
        if (request?.Turn is not { } turn)
        {
            return TypedResults.BadRequest(Problem("Say which trainee turn to replay: {\"turn\": N, \"say\": \"...\"}."));
        }
        try
        {
            var result = await replayer.ReplayAsync(id, turn, request.Say ?? "", request.Stop ?? false, ct);
            return TypedResults.Ok(ReplayJson.ToNode(result));
        }
        catch (SessionNotFoundException e)
        {
            return TypedResults.NotFound(Problem(e.Message));
        }
        catch (ReplayTurnException e)
        {
            return TypedResults.BadRequest(Problem(e.Message));
        }
    }

    private static ProblemDetails Problem(string detail) => new() { Title = "Cannot replay", Detail = detail };
}
