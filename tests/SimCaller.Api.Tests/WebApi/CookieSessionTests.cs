using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Accounts;
using SimCaller.Api.Accounts;
using SimCaller.Api.Tests.Infrastructure;

namespace SimCaller.Api.Tests.WebApi;

/// <summary>
/// The cookie the pages will sign in with: Secure, HttpOnly, SameSite; accepted by the API alongside bearer
/// tokens; changes need the antiforgery token; a deactivated account's cookie stops working at once.
/// (The pages themselves are not here: a stand-in sign-in route uses the same <see cref="CookieSessions"/>.)
/// </summary>
public sealed class CookieSessionTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SimCallerApp _app;

    public CookieSessionTests() => _app = new SimCallerApp(_database.Path, new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000" },
        services => services.AddTransient<IStartupFilter, StandInSignIn>());

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    /// <summary>POST /test/signin signs in by cookie as a page would; GET /test/antiforgery hands out the page's token.</summary>
    private sealed class StandInSignIn : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, Func<Task> nextStep) =>
            {
                if (context.Request.Path == "/test/signin")
                {
                    var form = await context.Request.ReadFromJsonAsync<Dictionary<string, string>>();
                    var result = await context.RequestServices.GetRequiredService<AccountService>().SignInAsync(form!["email"], form["password"]);
                    if (!result.Succeeded)
                    {
                        context.Response.StatusCode = 401;
                        return;
                    }
                    await CookieSessions.SignInAsync(context, result.Account!);
                    return;
                }
                if (context.Request.Path == "/test/antiforgery")
                {
                    context.User = (await context.AuthenticateAsync(WebAccess.Scheme)).Principal ?? context.User;
                    var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
                    await context.Response.WriteAsync(tokens.RequestToken!);
                    return;
                }
                await nextStep();
            });
            next(app);
        };
    }

    private static string CookiePair(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    private async Task<(HttpClient Client, string Cookie)> BrowserAsync(string email)
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var signIn = await client.PostAsJsonAsync("/test/signin", new { email, password = ApiClient.Password });
        signIn.EnsureSuccessStatusCode();
        var cookie = CookiePair(signIn, CookieSessions.CookieName);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return (client, signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieSessions.CookieName)));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_http_only_and_same_site()
    {
        await _app.AddUserAsync("pat@acme.test", Role.Trainee);

        var (_, setCookie) = await BrowserAsync("pat@acme.test");

        var flags = setCookie.ToLowerInvariant();
        Assert.Contains("secure", flags);
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=lax", flags);
    }

    [Fact]
    public async Task A_cookie_reads_the_API_but_a_change_needs_the_antiforgery_token()
    {
        await _app.AddUserAsync("pat@acme.test", Role.Trainee);
        var (browser, setCookie) = await BrowserAsync("pat@acme.test");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/sessions")).StatusCode);
        var forged = await browser.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains(WebAccess.AntiforgeryHeader, await forged.Content.ReadAsStringAsync());

        var tokenResponse = await browser.GetAsync("/test/antiforgery");
        var requestToken = await tokenResponse.Content.ReadAsStringAsync();
        var antiforgeryCookie = tokenResponse.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase)).Split(';')[0];
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/calls") { Content = JsonContent.Create(new { persona = "stressed-traveler" }) };
        request.Headers.Add(WebAccess.AntiforgeryHeader, requestToken);
        // One Cookie header, as a browser sends it (HttpClient would join two with a comma).
        request.Headers.Add("Cookie", $"{setCookie.Split(';')[0]}; {antiforgeryCookie}");
        var page = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });

        Assert.Equal(HttpStatusCode.Created, (await page.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Deactivating_an_account_ends_its_cookie_session_and_its_tokens()
    {
        var admin = await _app.AddUserAsync("boss@acme.test", Role.Admin);
        var pat = await _app.AddUserAsync("pat@acme.test", Role.Trainee);
        var (browser, _) = await BrowserAsync("pat@acme.test");
        var api = await _app.SignedInAsync("pat@acme.test");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/sessions")).StatusCode);

        await _app.Services.GetRequiredService<AccountService>().DeactivateAsync(Caller.Of(admin), pat.Id);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = "pat@acme.test", password = ApiClient.Password })).StatusCode);
    }
}
