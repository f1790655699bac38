using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using static SimCaller.Api.Web.PageLayout;

namespace SimCaller.Api.Web;

/// <summary>GET/POST /signin and POST /signout: the browser's session is the cookie of <see cref="CookieSessions"/>.</summary>
internal static class SignInPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext http, string? returnUrl) => Form(http, null, returnUrl, StatusCodes.Status200OK)).AllowAnonymous();
        app.MapPost("/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(WebAccess.SignInLimit);
        app.MapPost("/signout", (Func<HttpContext, Task<IResult>>)SignOutAsync).AllowAnonymous();
    }

    private static async Task<IResult> SignInAsync(HttpContext http, AccountService accounts)
    {
        if (await PageForms.ReadValidAsync(http) is not { } form)
        {
            return PageForms.Expired(http);
        }
        string? email = form["email"], password = form["password"], returnUrl = form["returnUrl"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Form(http, "Enter your email and your password.", returnUrl, StatusCodes.Status400BadRequest, email);
        }
        var result = await accounts.SignInAsync(email, password, http.RequestAborted);
        switch (result.Status)
        {
            case SignInStatus.Succeeded:
                await CookieSessions.SignInAsync(http, result.Account!);
                return Results.Redirect(PageForms.LocalOrHome(returnUrl));
            case SignInStatus.LockedOut:
                return Form(http,
                    $"Too many failed sign-ins: this account is locked until {When(result.LockedUntil ?? DateTimeOffset.UtcNow)}. " +
                    "Try again then, or ask your organisation's admin to reset your password.",
                    returnUrl, StatusCodes.Status423Locked, email);
            default:
                // Unknown email, wrong password and a deactivated account read the same, so nobody learns who has an account.
                return Form(http, AuthEndpoints.SignInFailed, returnUrl, StatusCodes.Status401Unauthorized, email);
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        if (await PageForms.ReadValidAsync(http) is null)
        {
            return PageForms.Expired(http);
        }
        await CookieSessions.SignOutAsync(http);
        return Results.Redirect("/signin");
    }

    private static IResult Form(HttpContext http, string? error, string? returnUrl, int status, string? email = null)
    {
        if (http.User.Caller() is not null && error is null)
        {
            return Results.Redirect(PageForms.LocalOrHome(returnUrl));
        }
        var body = $"""
            <section class="card narrow">
              <h1>Sign in</h1>
              <p class="lead">Practise difficult customer calls and see how you did.</p>
              {(error is null ? "" : $"<p class=\"alert\" role=\"alert\" id=\"signin-error\">{E(error)}</p>")}
              <form method="post" action="/signin" class="stack">
                {AntiforgeryInput(http)}
                <input type="hidden" name="returnUrl" value="{E(PageForms.LocalOrHome(returnUrl))}">
                <label>Email <input type="email" name="email" autocomplete="username" required value="{E(email)}" autofocus></label>
                <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
                <button type="submit" class="primary">Sign in</button>
              </form>
              <p class="aside">No account, but a session code from your trainer or recruiter? <a href="/code">Start your call with the code</a>.</p>
            </section>
            """;
        return Page(http, "Sign in", body, status);
    }
}
