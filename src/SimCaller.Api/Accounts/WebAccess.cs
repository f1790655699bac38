using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SimCaller.Accounts;

namespace SimCaller.Api.Accounts;

/// <summary>
/// Who is calling and how often: bearer tokens and cookies, the authorisation policies, antiforgery,
/// the per-address rate limits for whatever works without an account, and the trusted proxies whose
/// forwarded headers name the real client address.
/// </summary>
public static class WebAccess
{
    /// <summary>Bearer token or cookie, whichever the request carries.</summary>
    public const string Scheme = "SimCaller";

    /// <summary>A signed-in account (bearer token or cookie).</summary>
    public const string AccountPolicy = "account";

    /// <summary>An account, or a call token (which may only continue its own call).</summary>
    public const string CallerPolicy = "caller";

    /// <summary>Rate limit per client address on starting a call with a session code without an account.</summary>
    public const string CodeEntryLimit = "code-entry";

    /// <summary>Rate limit per client address on signing in.</summary>
    public const string SignInLimit = "sign-in";

    /// <summary>The header the pages send the antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddWebAccess(this IServiceCollection services)
    {
        services.AddSimCallerAccounts();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptions.Validator>();
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptions.Validator>();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            // Only the configured proxies (the framework trusts loopback by default), and through a chain of
            // them as far as each hop is one of them. With none, the headers are not read at all: empty
            // lists would make the middleware trust every sender.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.ForwardLimit = null;
            foreach (var address in trusted.Value.Addresses()) forwarded.KnownProxies.Add(address);
            foreach (var network in trusted.Value.Networks()) forwarded.KnownIPNetworks.Add(network);
            forwarded.ForwardedHeaders = forwarded.KnownProxies.Count + forwarded.KnownIPNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or cookie", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0
                || (context.Request.Path.StartsWithSegments("/api") && !context.Request.Cookies.ContainsKey(CookieSessions.CookieName))
                    ? BearerTokenHandler.SchemeName
                    : CookieSessions.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(CookieSessions.SchemeName, CookieSessions.Configure);
        services.AddAuthorizationBuilder()
            .AddPolicy(AccountPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(CallerClaims.AccountId))
            .AddPolicy(CallerPolicy, policy => policy.RequireAuthenticatedUser());
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            // Secure when the request is (the sign-in cookie always is): the antiforgery cookie is no credential
            // on its own, and with Always the antiforgery check refuses every plain-HTTP request outright,
            // which would break a local run without TLS.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                await response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many attempts",
                    Detail = "Too many attempts from this address; wait for the time in Retry-After and try again.",
                }, options: (JsonSerializerOptions?)null, contentType: "application/problem+json", cancellationToken: ct);
            };
            options.AddPolicy(CodeEntryLimit, PerAddressWithoutAccount);
            options.AddPolicy(SignInLimit, PerAddressWithoutAccount);
        });
        return services;
    }

    /// <summary>Forwarded headers (from trusted proxies only), authentication, authorisation, antiforgery, rate limits; in that order.</summary>
    public static WebApplication UseWebAccess(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// An endpoint filter for API routes that change things: a request signed in by cookie (a browser)
    /// must carry the antiforgery token in <see cref="AntiforgeryHeader"/>; bearer tokens are not sent by
    /// browsers on their own, so they need none.
    /// </summary>
    public static TBuilder RequireAntiforgeryForCookies<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.AuthenticationType == CookieSessions.SchemeName && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return TypedResults.Problem(
                        title: "Missing antiforgery token",
                        detail: $"A request signed in by cookie must send the antiforgery token in the {AntiforgeryHeader} header.",
                        statusCode: StatusCodes.Status400BadRequest);
                }
            }
            return await next(context);
        });

    // Signed-in accounts are not limited here (their sign-in was); everyone else by client address, which
    // the forwarded-headers step has already set from a trusted proxy's header when there is one.
    private static RateLimitPartition<string> PerAddressWithoutAccount(HttpContext context)
    {
        if (context.User.Caller() is not null)
        {
            return RateLimitPartition.GetNoLimiter("account");
        }
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitLimit,
            Window = limits.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
