using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Api.Debriefs;
using SimCaller.Core.Calls;
using SimCaller.Hiring;
using SimCaller.Persona.Mood;
using SimCaller.Practice;

namespace SimCaller.Api.Calls;

/// <summary>
/// A practice call over HTTP: start (signed in with a customer of one's choice, or with a session code and
/// no account), turns, end. Every step goes through <see cref="PracticeService"/>, the same turn engine as
/// the terminal and the phone. Only whoever started a call continues or ends it; to anyone else it does not exist.
/// </summary>
public static class CallEndpoints
{
    /// <summary>The channel recorded for calls held over this API.</summary>
    public const string Channel = "web";

    private const int MaxTextLength = 2000;
    private const double MaxHoldSeconds = 3600;

    /// <param name="Invite">A hiring campaign's invite token: starts that candidate's attempt with the campaign's fixed customer.</param>
    public sealed record StartCallRequest(string? Persona, string? Difficulty, int? Seed, string? Code, string? Invite = null);

    public sealed record CustomerLine(string Text, int Anger, string Mood);

    public sealed record CallStarted(
        string SessionId,
        CustomerLine Customer,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CallToken);

    /// <param name="HoldSeconds">How long the trainee had the customer on hold before these words (the browser's hold button).</param>
    public sealed record TurnRequest(string? Text, double? HoldSeconds = null);

    public sealed record TurnTaken(CustomerLine Customer, string Outcome);

    /// <param name="Score">Null, with <paramref name="DebriefUrl"/>, for a campaign attempt whose campaign does not show candidates their results.</param>
    public sealed record CallEnded(string Outcome, double? Score, string? DebriefUrl);

    public static IEndpointRouteBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/api/calls").RequireAntiforgeryForCookies();
        // Open to callers without an account (a session code or invite is their credential), so rate-limited per address.
        calls.MapPost("", StartAsync).AllowAnonymous().RequireRateLimiting(WebAccess.CodeEntryLimit).WithName("StartCall");
        var call = calls.MapGroup("/{id}").RequireAuthorization(WebAccess.CallerPolicy);
        call.MapPost("/turns", TakeTurnAsync).WithName("TakeTurn");
        call.MapPost("/end", EndAsync).WithName("EndCall");
        return app;
    }

    public static async Task<Results<Created<CallStarted>, ProblemHttpResult>> StartAsync(
        StartCallRequest? request, ClaimsPrincipal user, PracticeService practice, SessionAccess access, HiringService hiring, CancellationToken ct)
    {
        request ??= new StartCallRequest(null, null, null, null);
        var caller = user.Caller();
        var code = string.IsNullOrWhiteSpace(request.Code) ? null : request.Code.Trim();
        var choosesCustomer = request.Persona is not null || request.Difficulty is not null || request.Seed is not null;
        if (request.Invite is not null)
        {
            return code is not null || choosesCustomer
                ? Problems.BadRequest("An invite fixes the customer, difficulty and seed: send {\"invite\": \"TOKEN\"} alone.")
                : await StartByInviteAsync(request.Invite, hiring, ct);
        }
        if (code is not null && choosesCustomer)
        {
            return Problems.BadRequest("A session code fixes the customer, difficulty and seed: send either {\"code\"} or {\"persona\", \"difficulty\", \"seed\"}, not both.");
        }
        if (code is null && caller is null)
        {
            return choosesCustomer
                ? Problems.Unauthorized("Choosing a customer needs a signed-in account (Authorization: Bearer TOKEN); without one, start with {\"code\": \"12345678\"}.")
                : Problems.BadRequest("Send {\"code\": \"12345678\"}, or sign in and send {\"persona\": \"ID\"}.");
        }
        if (code is null && string.IsNullOrWhiteSpace(request.Persona))
        {
            return Problems.BadRequest("Send {\"persona\": \"ID\"} (and optionally \"difficulty\" and \"seed\"), or {\"code\": \"12345678\"}.");
        }

        StartSessionRequest start;
        string? callToken = null;
        if (code is not null)
        {
            if (await access.FindCodeAsync(caller, code, ct) is not { } found)
            {
                return Problems.NotFound($"There is no session code '{code}'.");
            }
            if (caller is null)
            {
                callToken = Secrets.NewCallToken();
            }
            start = new StartSessionRequest(found.PersonaId, found.Difficulty, found.Seed, Channel, caller?.Email, Code: found.Code,
                OrganisationId: found.OrganisationId, AccountId: caller?.AccountId, CallTokenHash: callToken is null ? null : Secrets.Hash(callToken));
        }
        else
        {
            start = new StartSessionRequest(request.Persona!.Trim(), request.Difficulty, request.Seed, Channel, caller!.Email,
                OrganisationId: caller.OrganisationId, AccountId: caller.AccountId);
        }
        try
        {
            var started = await practice.StartAsync(start, ct);
            return TypedResults.Created(
                $"/api/sessions/{Uri.EscapeDataString(started.SessionId)}",
                new CallStarted(started.SessionId, new CustomerLine(started.OpeningLine, started.Anger, started.Mood.ToId()), callToken));
        }
        catch (Exception e) when (e is UnknownPersonaException or UnknownDifficultyException)
        {
            return Problems.BadRequest(e.Message);
        }
    }

    /// <summary>A candidate's attempt: counted when it starts, refused (403, saying which) past the campaign's expiry or the invite's attempts.</summary>
    private static async Task<Results<Created<CallStarted>, ProblemHttpResult>> StartByInviteAsync(string invite, HiringService hiring, CancellationToken ct)
    {
        var callToken = Secrets.NewCallToken();
        try
        {
            var call = await hiring.StartAsync(invite, Channel, Secrets.Hash(callToken), ct);
            var started = call.Started;
            return TypedResults.Created(
                $"/api/sessions/{Uri.EscapeDataString(started.SessionId)}",
                new CallStarted(started.SessionId, new CustomerLine(started.OpeningLine, started.Anger, started.Mood.ToId()), callToken));
        }
        catch (HiringNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
        catch (InviteRefusedException e)
        {
            return Problems.Forbidden(e.Message);
        }
        catch (Exception e) when (e is UnknownPersonaException or UnknownDifficultyException)
        {
            return Problems.Conflict($"The campaign's customer can no longer be played: {e.Message}");
        }
    }

    public static async Task<Results<Ok<TurnTaken>, ProblemHttpResult>> TakeTurnAsync(
        string id, TurnRequest? request, ClaimsPrincipal user, PracticeService practice, SessionAccess access, TimeProvider time, CancellationToken ct)
    {
        if (request?.Text is not { } text)
        {
            return Problems.BadRequest("Send {\"text\": \"what you say\"} (an empty text is a silence).");
        }
        if (text.Length > MaxTextLength)
        {
            return Problems.BadRequest($"A turn may be at most {MaxTextLength} characters; this one has {text.Length}.");
        }
        if (request.HoldSeconds is { } hold && (double.IsNaN(hold) || hold < 0 || hold > MaxHoldSeconds))
        {
            return Problems.BadRequest($"\"hold_seconds\" must be 0 to {MaxHoldSeconds}.");
        }
        if (await access.FindContinuableAsync(user.Caller(), user.CallTokenOf(), id, ct) is null)
        {
            return NotYours(id);
        }
        try
        {
            var holdStartedAt = request.HoldSeconds is > 0 ? time.GetUtcNow() - TimeSpan.FromSeconds(request.HoldSeconds.Value) : (DateTimeOffset?)null;
            var turn = await practice.TakeTurnAsync(id, new TraineeTurn(text, HoldStartedAt: holdStartedAt), ct);
            return TypedResults.Ok(new TurnTaken(new CustomerLine(turn.CustomerLine, turn.Anger, turn.Mood.ToId()), turn.Outcome.ToId()));
        }
        catch (SessionEndedException e)
        {
            return Problems.Conflict($"The call has ended ({e.Outcome.ToId()}); POST /api/calls/{id}/end gives its score and debrief link.");
        }
        catch (PracticeException e) when (e is not SessionNotFoundException)
        {
            return Problems.Conflict(e.Message);
        }
    }

    public static async Task<Results<Ok<CallEnded>, ProblemHttpResult>> EndAsync(
        string id, HttpRequest http, ClaimsPrincipal user, PracticeService practice, SessionAccess access, HiringService hiring, CancellationToken ct)
    {
        if (await access.FindContinuableAsync(user.Caller(), user.CallTokenOf(), id, ct) is null)
        {
            return NotYours(id);
        }
        try
        {
            // The trainee hangs up; a call that had already ended gives back its stored ending.
            var ended = await practice.EndAsync(id, EndReason.AgentHungUp, ct);
            if (!await hiring.ShowsResultAsync(id, ct))
            {
                return TypedResults.Ok(new CallEnded(ended.Outcome.ToId(), null, null));
            }
            var link = $"{http.Scheme}://{http.Host}{http.PathBase}{DebriefEndpoints.PathFor(ended.DebriefToken)}";
            return TypedResults.Ok(new CallEnded(ended.Outcome.ToId(), ended.Debrief.Score, link));
        }
        catch (PracticeException e) when (e is not SessionNotFoundException)
        {
            return Problems.Conflict(e.Message);
        }
    }

    private static ProblemHttpResult NotYours(string id) =>
        Problems.NotFound($"There is no call '{id}' that you started.");
}
