using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SimCaller.Api.Accounts;
using SimCaller.Api.Reviews;
using SimCaller.Training;

namespace SimCaller.Api.Assignments;

/// <summary>
/// Assignments over HTTP. POST /api/assignments (trainers, admins) sets a customer, difficulty, due date and
/// attempts for one or more trainees (a group); GET /api/assignments shows a trainee what is due and how
/// far they are, and trainers and admins every trainee's completion, best and latest score.
/// </summary>
public static class AssignmentEndpoints
{
    public sealed record CreateAssignmentRequest(
        string? Persona, string? Difficulty, DateTimeOffset? DueAt, int? Attempts, IReadOnlyList<string>? Trainees, string? Trainee, string? Group);

    public sealed record TraineeItem(string AccountId, string Email, int Done, bool Complete, double? BestScore, double? LatestScore);

    public sealed record AssignmentItem(
        string AssignmentId, string Persona, string PersonaName, string Difficulty, DateTimeOffset DueAt, int Attempts, string? Group,
        string Status, DateTimeOffset CreatedAt, IReadOnlyList<TraineeItem> Trainees);

    public sealed record AssignmentList(IReadOnlyList<AssignmentItem> Items);

    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder app)
    {
        var assignments = app.MapGroup("/api/assignments").RequireAuthorization(WebAccess.AccountPolicy).RequireAntiforgeryForCookies();
        assignments.MapPost("", CreateAsync).RequireAuthorization(Campaigns.ConsoleApi.ReviewPolicy).WithName("CreateAssignment");
        assignments.MapGet("", ListAsync).WithName("ListAssignments");
        return app;
    }

    public static async Task<Results<Created<AssignmentItem>, ProblemHttpResult>> CreateAsync(
        CreateAssignmentRequest? request, ClaimsPrincipal user, AssignmentService assignments, CancellationToken ct)
    {
        if (request is null)
        {
            return Problems.BadRequest("Send {\"persona\", \"difficulty\", \"due_at\", \"attempts\", \"trainees\": [account ids or emails], \"group\"}.");
        }
        var trainees = (request.Trainees ?? []).Concat(request.Trainee is null ? [] : [request.Trainee]).ToArray();
        return await RefusalProblems.RunAsync(async () =>
        {
            var created = await assignments.CreateAsync(user.Caller()!, request.Persona, request.Difficulty, request.DueAt, request.Attempts, trainees, request.Group, ct);
            return TypedResults.Created($"/api/assignments/{created.Assignment.Id}", Item(created));
        });
    }

    public static async Task<Results<Ok<AssignmentList>, ProblemHttpResult>> ListAsync(ClaimsPrincipal user, AssignmentService assignments, CancellationToken ct) =>
        await RefusalProblems.RunAsync(async () =>
            TypedResults.Ok(new AssignmentList((await assignments.ListAsync(user.Caller()!, ct)).Select(Item).ToArray())));

    private static AssignmentItem Item(AssignmentStatus s) => new(
        s.Assignment.Id, s.Assignment.PersonaId, s.PersonaName, s.Assignment.Difficulty, s.Assignment.DueAt, s.Assignment.Attempts, s.Assignment.Group,
        s.Status, s.Assignment.CreatedAt,
        s.Trainees.Select(t => new TraineeItem(t.AccountId, t.Email, t.Done, t.Complete, t.BestScore, t.LatestScore)).ToArray());
}
