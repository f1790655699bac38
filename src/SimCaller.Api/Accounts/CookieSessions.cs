using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SimCaller.Accounts;

namespace SimCaller.Api.Accounts;

/// <summary>
/// The browser's sign-in: an HttpOnly, Secure, SameSite=Lax cookie holding the account and its security
/// stamp. Every request re-reads the account (<see cref="ValidateAsync"/>), so a deactivated account or a
/// reset password signs the browser out at once. Pages that change anything also check the antiforgery token.
/// </summary>
public static class CookieSessions
{
    public const string SchemeName = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "simcaller.auth";

    /// <summary>Signs the account in on this browser (after <see cref="AccountService.SignInAsync"/> succeeded).</summary>
    public static Task SignInAsync(HttpContext context, Account account, bool persistent = false) =>
        context.SignInAsync(
            SchemeName,
            CallerClaims.Principal(Caller.Of(account), SchemeName, account.SecurityStamp),
            new AuthenticationProperties { IsPersistent = persistent });

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(SchemeName);

    internal static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        // Lax, not Strict: a link from a text message or an email should arrive signed in; every change
        // made with the cookie needs the antiforgery token anyway.
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = TimeSpan.FromHours(12);
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        options.AccessDeniedPath = "/signin";
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = ValidateAsync,
            // The API answers with status codes; only pages redirect to the sign-in page.
            OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden),
        };
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        var id = context.Principal?.FindFirst(CallerClaims.AccountId)?.Value;
        var stamp = context.Principal?.FindFirst(CallerClaims.SecurityStamp)?.Value;
        if (id is null || stamp is null || await accounts.ValidateSessionAsync(id, stamp, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SchemeName);
        }
    }

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
