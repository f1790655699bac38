using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;
using SimCaller.Api.Accounts;

namespace SimCaller.Api.Web;

/// <summary>
/// The browser's pages: sign-in, home with progress, practice (by account or by session code), debriefs
/// and user administration. Server-rendered HTML; the live call runs in wwwroot/js/call.js over the JSON API.
/// Access is decided by the same services as the API's (AccountService, SessionAccess).
/// </summary>
public static class WebPages
{
    /// <summary>After <c>AddWebAccess</c>: a page refused by a rate limit gets an HTML answer, the API keeps its JSON one.</summary>
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        // The sign-in cookie is Secure-only, so the pages need HTTPS (directly or from a trusted proxy). Only in
        // Development, where `dotnet run` serves http://localhost, does it follow the request.
        services.AddOptions<CookieAuthenticationOptions>(CookieSessions.SchemeName).PostConfigure<IHostEnvironment>((options, environment) =>
        {
            if (environment.IsDevelopment()) options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.PostConfigure<RateLimiterOptions>(options =>
        {
            var api = options.OnRejected;
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (IsApi(http.Request.Path) || api is null)
                {
                    if (api is not null) await api(context, ct);
                    return;
                }
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
                var page = PageLayout.Message(http, StatusCodes.Status429TooManyRequests, "Too many attempts",
                    $"Too many attempts from your network. Wait {(wait >= 90 ? $"{(wait + 59) / 60} minutes" : $"{wait} seconds")}, then try again.", http.Request.Path, "Try again");
                await page.ExecuteAsync(http);
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder app)
    {
        SignInPages.Map(app);
        HomePages.Map(app);
        PracticePages.Map(app);
        AdminPages.Map(app);
        SessionsPages.Map(app);
        AssignmentPages.Map(app);
        PersonaLibraryPages.Map(app);
        CampaignPages.Map(app);
        return app;
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/twilio");
}
