using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;

using static SimCaller.Api.Tests.Web.PageClient;

namespace SimCaller.Api.Tests.Web;

/// <summary>The pages over HTTP without a browser: forms need their antiforgery token, bad input gets a page and the right status.</summary>
public sealed partial class PagesHttpTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SimCallerApp _app;

    public PagesHttpTests() => _app = new SimCallerApp(_database.Path, new Dictionary<string, string?>
    {
        ["RateLimiting:PermitLimit"] = "1000",
        ["Accounts:MaxFailedSignIns"] = "3",
    });

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_changes_nothing()
    {
        await _app.AddUserAsync("ada@acme.test", Role.Admin);
        var browser = _app.Browser();

        var forged = await browser.PostAsync("/signin", Form(("email", "ada@acme.test"), ("password", ApiClient.Password)));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("security token did not match", await forged.Content.ReadAsStringAsync());
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("simcaller.auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_goes_back_only_to_a_path_on_this_site_and_sets_a_secure_cookie()
    {
        await _app.AddUserAsync("ada@acme.test", Role.Admin);
        var browser = _app.Browser();

        var signedIn = await SignInAsync(browser, "ada@acme.test", ApiClient.Password, returnUrl: "//evil.example/phish");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("simcaller.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("ada@acme.test", await home.Content.ReadAsStringAsync());
        Assert.Contains("default-src 'self'", home.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_the_page_says_until_when()
    {
        await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        var browser = _app.Browser();

        var first = await SignInAsync(browser, "tess@acme.test", "wrong password 1");
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Contains("Wrong email or password", await first.Content.ReadAsStringAsync());
        var unknown = await SignInAsync(browser, "nobody@acme.test", "wrong password 1");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        await SignInAsync(browser, "tess@acme.test", "wrong password 2");
        var locked = await SignInAsync(browser, "tess@acme.test", "wrong password 3");
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        Assert.Contains("locked until", await locked.Content.ReadAsStringAsync());
        var right = await SignInAsync(browser, "tess@acme.test", ApiClient.Password);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
    }

    [Fact]
    public async Task Admin_forms_refuse_bad_input_with_a_message_and_a_deactivated_user_is_signed_out()
    {
        await _app.AddUserAsync("ada@acme.test", Role.Admin);
        var tess = await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        var stranger = await _app.AddUserAsync("otto@other.test", Role.Trainee, organisation: "Other");
        var admin = _app.Browser();
        await SignInAsync(admin, "ada@acme.test", ApiClient.Password);
        var trainee = _app.Browser();
        await SignInAsync(trainee, "tess@acme.test", ApiClient.Password);
        Assert.Equal(HttpStatusCode.OK, (await trainee.GetAsync("/")).StatusCode);

        var badRole = await PostFormAsync(admin, "/admin/users", "/admin/users", ("email", "new@acme.test"), ("role", "owner"));
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("Choose a role", await badRole.Content.ReadAsStringAsync());
        var badEmail = await PostFormAsync(admin, "/admin/users", "/admin/users", ("email", "not-an-email"), ("role", "trainee"));
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.Contains("is not an email address", await badEmail.Content.ReadAsStringAsync());
        var taken = await PostFormAsync(admin, "/admin/users", "/admin/users", ("email", "otto@other.test"), ("role", "trainee"));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        // Another organisation's account is not there for this admin.
        var elsewhere = await PostFormAsync(admin, "/admin/users", $"/admin/users/{stranger.Id}/deactivate");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        var self = await PostFormAsync(admin, "/admin/users", $"/admin/users/{(await _app.AddUserAsync("second@acme.test", Role.Trainer)).Id}/reset");
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Equal("no-store", self.Headers.CacheControl!.ToString());

        var deactivated = await PostFormAsync(admin, "/admin/users", $"/admin/users/{tess.Id}/deactivate");
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Contains("tess@acme.test is deactivated", await deactivated.Content.ReadAsStringAsync());
        var after = await trainee.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/signin", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Pages_answer_unknown_sessions_and_plain_http_with_a_page_not_an_error()
    {
        await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        var browser = _app.Browser();
        await SignInAsync(browser, "tess@acme.test", ApiClient.Password);

        var missing = await browser.GetAsync("/sessions/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("<script>", await missing.Content.ReadAsStringAsync());

        // Outside Development the cookies are Secure-only: over plain HTTP the page explains instead of failing.
        var plain = await _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") }).GetAsync("/signin");
        Assert.Equal(HttpStatusCode.UpgradeRequired, plain.StatusCode);
        Assert.Contains("HTTPS needed", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_hold_button_s_seconds_are_checked_and_a_long_hold_angers_the_customer()
    {
        await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        var api = await _app.SignedInAsync("tess@acme.test");
        async Task<string> StartAsync() =>
            (string)(await (await api.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler", difficulty = "standard", seed = 11 })).JsonAsync())["session_id"]!;
        const string Line = "Thank you for waiting. Let me check the next flight for you.";

        var held = await StartAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/calls/{held}/turns", new { text = Line, hold_seconds = -1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/calls/{held}/turns", new { text = Line, hold_seconds = 86_400 })).StatusCode);
        var afterLongHold = await (await api.PostAsJsonAsync($"/api/calls/{held}/turns", new { text = Line, hold_seconds = 120 })).JsonAsync();
        var notHeld = await StartAsync();
        var afterNoHold = await (await api.PostAsJsonAsync($"/api/calls/{notHeld}/turns", new { text = Line })).JsonAsync();
        var forgotten = await StartAsync();
        var afterForgotten = await (await api.PostAsJsonAsync($"/api/calls/{forgotten}/turns", new { text = Line, hold_seconds = 900 })).JsonAsync();

        // The same call, the same words: only the time on hold differs.
        Assert.True((int)afterLongHold["customer"]!["anger"]! > (int)afterNoHold["customer"]!["anger"]!,
            $"two minutes on hold should anger the customer more: {afterLongHold} vs {afterNoHold}");
        Assert.Equal("in_progress", (string?)afterNoHold["outcome"]);
        Assert.Equal("hung_up", (string?)afterForgotten["outcome"]);
    }

    [Fact]
    public async Task Staff_see_their_organisation_s_calls_and_a_fellow_trainee_does_not()
    {
        await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        await _app.AddUserAsync("tom@acme.test", Role.Trainee);
        await _app.AddUserAsync("trish@acme.test", Role.Trainer);
        var api = await _app.SignedInAsync("tess@acme.test");
        var id = (string)(await (await api.PostAsJsonAsync("/api/calls", new { persona = "worried-pensioner" })).JsonAsync())["session_id"]!;
        await api.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "I'm sorry to hear that. Let me look at your bill." });
        await api.PostAsync($"/api/calls/{id}/end", null);

        var trainer = _app.Browser();
        await SignInAsync(trainer, "trish@acme.test", ApiClient.Password);
        var home = await (await trainer.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains($"data-session=\"{id}\"", home);
        Assert.Contains("tess@acme.test", home);
        Assert.Equal(HttpStatusCode.OK, (await trainer.GetAsync($"/sessions/{id}")).StatusCode);

        var fellow = _app.Browser();
        await SignInAsync(fellow, "tom@acme.test", ApiClient.Password);
        Assert.DoesNotContain(id, await (await fellow.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await fellow.GetAsync($"/sessions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fellow.GetAsync("/admin/users")).StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, string returnUrl = "/")
        => await PostFormAsync(browser, "/signin", "/signin", ("email", email), ("password", password), ("returnUrl", returnUrl));
}
