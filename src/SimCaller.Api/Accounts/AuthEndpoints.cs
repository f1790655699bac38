using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SimCaller.Accounts;

namespace SimCaller.Api.Accounts;

/// <summary>POST /api/auth/token: a bearer token for an email and password.</summary>
public static class AuthEndpoints
{
    /// <summary>One message for every failure, so the answer never tells whether an email has an account.</summary>
    public const string SignInFailed =
        "Wrong email or password. After too many failed attempts in a row an account is locked for a while.";

    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueTokenAsync)
            .RequireRateLimiting(WebAccess.SignInLimit)
            .AllowAnonymous()
            .WithName("IssueToken");
        return app;
    }

    public static async Task<Results<Ok<TokenResponse>, UnauthorizedHttpResult, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest? request, AccountService accounts, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(
                title: "Bad request", detail: "Send {\"email\": \"...\", \"password\": \"...\"}.", statusCode: StatusCodes.Status400BadRequest);
        }
        var (_, token) = await accounts.IssueTokenAsync(request.Email, request.Password, ct);
        return token is null
            ? TypedResults.Problem(title: "Sign-in failed", detail: SignInFailed, statusCode: StatusCodes.Status401Unauthorized)
            : TypedResults.Ok(new TokenResponse(token.Token, token.ExpiresAt));
    }
}
