using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SimCaller.Accounts;

namespace SimCaller.Api.Accounts;

/// <summary>
/// `Authorization: Bearer TOKEN`. Opaque random tokens, stored hashed with an expiry, rather than signed
/// ones: a deactivated account or a reset password ends its tokens at once, and several instances on one
/// PostgreSQL database need no shared signing key. The price is one indexed read per request.
/// A call token (scc_...) is accepted too, but stands for no account: it may only continue its own call.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header[Prefix.Length..].Trim();
        if (Secrets.IsCallToken(token))
        {
            return Success(CallerClaims.CallTokenPrincipal(token, SchemeName));
        }
        return await accounts.AuthenticateTokenAsync(token, Context.RequestAborted) is { } caller
            ? Success(CallerClaims.Principal(caller, SchemeName))
            : AuthenticateResult.Fail("The bearer token is unknown or has expired; get a new one from POST /api/auth/token.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Sign-in required",
            Detail = result.Failure?.Message ?? "Send Authorization: Bearer TOKEN, with a token from POST /api/auth/token.",
        }, options: null, contentType: "application/problem+json");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Not allowed",
            Detail = "This needs a signed-in account with access to it.",
        }, options: null, contentType: "application/problem+json");
    }

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
}
