using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Console;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;
using SimCaller.Practice;

using static SimCaller.Api.Tests.Web.PageClient;

namespace SimCaller.Api.Tests.Web;

/// <summary>The hiring console's pages over HTTP: forms with their antiforgery token, refusals, order, and who sees what.</summary>
public sealed partial class CampaignPagesHttpTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SimCallerApp _app;

    public CampaignPagesHttpTests() => _app = new SimCallerApp(_database.Path, new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000" });

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task A_refused_campaign_form_keeps_what_was_typed_and_a_good_one_is_listed()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        var hank = await _app.SignedInBrowserAsync("hank@acme.test");
        var closesOn = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd");
        (string, string)[] Fields(string persona, string seed, string attempts, string day) =>
            [("name", "Spring intake"), ("persona", persona), ("difficulty", "standard"), ("seed", seed), ("max_attempts", attempts), ("closes_on", day), ("show_results", "on")];

        var unknown = await PostFormAsync(hank, "/campaigns", "/campaigns", Fields("no-such-customer", "42", "2", closesOn));
        var badSeed = await PostFormAsync(hank, "/campaigns", "/campaigns", Fields("stressed-traveler", "forty-two", "2", closesOn));
        var tooMany = await PostFormAsync(hank, "/campaigns", "/campaigns", Fields("stressed-traveler", "42", "500", closesOn));
        var past = await PostFormAsync(hank, "/campaigns", "/campaigns", Fields("stressed-traveler", "42", "2", "2020-01-01"));

        foreach (var (refused, says) in new[] { (unknown, "no-such-customer"), (badSeed, "seed must be a whole number"), (tooMany, "from 1 to 100"), (past, "in the past") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains(says, CampaignError(html), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("value=\"Spring intake\"", html);
            Assert.Contains("name=\"show_results\" value=\"on\" checked", html);
        }
        Assert.Contains("value=\"forty-two\"", await badSeed.Content.ReadAsStringAsync());
        Assert.Contains("value=\"500\"", await tooMany.Content.ReadAsStringAsync());
        Assert.Contains("id=\"campaigns\">No campaigns yet", await hank.GetStringAsync("/campaigns"));

        var made = await PostFormAsync(hank, "/campaigns", "/campaigns", Fields("stressed-traveler", "42", "2", closesOn));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var campaignId = made.Headers.Location!.OriginalString["/campaigns/".Length..];
        var api = await _app.SignedInAsync("hank@acme.test");
        var stored = await (await api.GetAsync($"/api/campaigns/{campaignId}")).JsonAsync();
        Assert.Equal(("Spring intake", "stressed-traveler", "standard", 42, 2, true),
            ((string)stored["name"]!, (string)stored["persona"]!, (string)stored["difficulty"]!, (int)stored["seed"]!, (int)stored["max_attempts"]!, (bool)stored["show_results"]!));
        // Open through the chosen day: it closes at that day's end, UTC.
        Assert.Equal($"{closesOn}T23:59:59+00:00", ((DateTimeOffset)stored["expires_at"]!).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz"));

        await api.InviteAsync(campaignId, "Ann");
        var row = Row(await hank.GetStringAsync("/campaigns"), "data-campaign", campaignId);
        Assert.Contains("Spring intake", row);
        Assert.Matches("<td class=\"num candidates\">1</td>", row);
    }

    [Fact]
    public async Task The_invite_link_is_shown_once_and_works_without_an_account()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        var campaign = await (await _app.SignedInAsync("hank@acme.test")).CreateCampaignAsync(maxAttempts: 2);
        var hank = await _app.SignedInBrowserAsync("hank@acme.test");

        var nameless = await PostFormAsync(hank, $"/campaigns/{campaign}", $"/campaigns/{campaign}/invites", ("candidate", "   "));
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.Contains("candidate must be 1 to", CampaignError(await nameless.Content.ReadAsStringAsync()));

        var shown = await PostFormAsync(hank, $"/campaigns/{campaign}", $"/campaigns/{campaign}/invites", ("candidate", "Ann <Candidate>"));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("no-store", shown.Headers.CacheControl!.ToString());
        var html = await shown.Content.ReadAsStringAsync();
        Assert.Contains("Invite for Ann &lt;Candidate&gt;", html);
        var url = InviteUrl().Match(html);
        Assert.True(url.Success, "no invite URL on the page");
        Assert.StartsWith("https://localhost/invite/sci_", url.Value);
        var token = url.Groups[1].Value;

        // Never again: not on the campaign page, not in the list.
        var page = await hank.GetStringAsync($"/campaigns/{campaign}");
        Assert.Contains("Ann &lt;Candidate&gt;", page);
        Assert.DoesNotContain(token, page);
        Assert.DoesNotContain(token, await hank.GetStringAsync("/campaigns"));

        var (_, ended) = await _app.PlayByInviteAsync(token, ConsoleClient.CalmingLines);
        Assert.NotNull(ended["score"]);
        var candidates = Table(await hank.GetStringAsync($"/campaigns/{campaign}"), "candidates");
        Assert.Contains("1 / 2", candidates);
        Assert.Contains("open, 1 attempt left", candidates);
    }

    [Fact]
    public async Task The_comparison_sorts_by_any_column_and_keeps_candidates_without_a_finished_call_last()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        var api = await _app.SignedInAsync("hank@acme.test");
        var campaign = await api.CreateCampaignAsync(maxAttempts: 2);
        var harsh = await api.InviteAsync(campaign, "Bea Harsh");
        var calm = await api.InviteAsync(campaign, "Cal Calm");
        var waiting = await api.InviteAsync(campaign, "Abe Waiting");
        var (harshCall, harshEnd) = await _app.PlayByInviteAsync(harsh.Token, ConsoleClient.HarshLines);
        var (calmCall, calmEnd) = await _app.PlayByInviteAsync(calm.Token, ConsoleClient.CalmingLines);
        Assert.True((double)calmEnd["score"]! > (double)harshEnd["score"]!, $"calm {calmEnd["score"]} should beat harsh {harshEnd["score"]}");
        var hank = await _app.SignedInBrowserAsync("hank@acme.test");
        async Task<string[]> OrderAsync(string query) => CandidateOrder(Table(await hank.GetStringAsync($"/campaigns/{campaign}{query}"), "comparison"));
        string[] names(params (string Token, string CandidateId, string Url)[] who) => who.Select(w => w.CandidateId).ToArray();

        Assert.Equal(names(calm, harsh, waiting), await OrderAsync(""));
        Assert.Equal(names(harsh, calm, waiting), await OrderAsync("?sort=score&dir=asc"));
        Assert.Equal(names(calm, harsh, waiting), await OrderAsync("?sort=candidate&dir=desc"));
        Assert.Equal(names(harsh, calm, waiting), await OrderAsync("?sort=candidate&dir=asc"));
        Assert.Equal(names(harsh, calm, waiting), await OrderAsync("?sort=harmful_moves&dir=desc"));
        Assert.Equal(names(calm, harsh, waiting), await OrderAsync("?sort=criterion:empathy&dir=desc"));
        Assert.Equal(names(harsh, calm, waiting), await OrderAsync("?sort=criterion:empathy&dir=asc"));
        Assert.Equal(names(calm, harsh, waiting), await OrderAsync("?sort=nonsense&dir=sideways"));

        var page = await hank.GetStringAsync($"/campaigns/{campaign}?sort=score&dir=asc");
        var table = Table(page, "comparison");
        // The header links sort by each column; the one sorted by says so and turns the order round.
        Assert.Contains($"<th data-sort=\"score\" aria-sort=\"ascending\" class=\"num\"><a href=\"/campaigns/{campaign}?sort=score&amp;dir=desc#comparison\"", table);
        Assert.Single(Regex.Matches(table, "aria-sort="));
        Assert.Contains("?sort=criterion%3Aempathy&amp;dir=desc", table);
        Assert.Contains($"href=\"/api/campaigns/{campaign}/comparison.csv?sort=score&amp;order=asc\"", page);
        Assert.Contains($"href=\"/sessions/{calmCall}\"", Row(table, "data-candidate", calm.CandidateId));
        Assert.Contains($"href=\"/sessions/{harshCall}\"", Row(table, "data-candidate", harsh.CandidateId));
        Assert.Contains("no finished call", Row(table, "data-candidate", waiting.CandidateId));
        Assert.Equal(HttpStatusCode.OK, (await hank.GetAsync($"/sessions/{calmCall}")).StatusCode);

        // The CSV the link downloads comes in the page's order.
        var csv = (await hank.GetStringAsync($"/api/campaigns/{campaign}/comparison.csv?sort=score&order=asc")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(names(harsh, calm, waiting), csv.Skip(1).Select(line => line.Split(',')[0]).ToArray());
    }

    [Fact]
    public async Task Another_organisation_gets_not_found_and_learns_nothing()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        await _app.AddUserAsync("olga@other.test", Role.Hiring, organisation: "Other");
        var api = await _app.SignedInAsync("hank@acme.test");
        var campaign = await api.CreateCampaignAsync(name: "Acme secret intake");
        var ann = await api.InviteAsync(campaign, "Ann Acme");
        await _app.PlayByInviteAsync(ann.Token, ConsoleClient.CalmingLines);
        var olga = await _app.SignedInBrowserAsync("olga@other.test");

        var list = await olga.GetStringAsync("/campaigns");
        Assert.DoesNotContain("Acme secret intake", list);
        Assert.Contains("No campaigns yet", list);
        foreach (var response in new[]
                 {
                     await olga.GetAsync($"/campaigns/{campaign}"),
                     await PostFormAsync(olga, "/campaigns", $"/campaigns/{campaign}/invites", ("candidate", "Intruder")),
                     await PostFormAsync(olga, "/campaigns", $"/campaigns/{campaign}/candidates/{ann.CandidateId}/delete"),
                     await olga.GetAsync($"/api/campaigns/{campaign}/comparison.csv"),
                 })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Acme secret intake", body);
            Assert.DoesNotContain("Ann Acme", body);
        }
        var comparison = await (await api.GetAsync($"/api/campaigns/{campaign}/comparison")).JsonAsync();
        Assert.Equal(["Ann Acme"], comparison["rows"]!.AsArray().Select(r => (string)r!["candidate"]!));
    }

    [Fact]
    public async Task A_trainee_is_not_allowed_and_the_menu_offers_hiring_only_to_those_who_hire()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        await _app.AddUserAsync("ada@acme.test", Role.Admin);
        await _app.AddUserAsync("tess@acme.test", Role.Trainee);
        var campaign = await (await _app.SignedInAsync("hank@acme.test")).CreateCampaignAsync(name: "Acme intake");
        var tess = await _app.SignedInBrowserAsync("tess@acme.test");

        var refused = await tess.GetAsync("/campaigns");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Not allowed", await refused.Content.ReadAsStringAsync());
        var post = await PostFormAsync(tess, "/", "/campaigns", ("name", "Mine"), ("persona", "stressed-traveler"), ("difficulty", "standard"),
            ("max_attempts", "1"), ("closes_on", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var page = await tess.GetAsync($"/campaigns/{campaign}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Acme intake", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("href=\"/campaigns\"", await tess.GetStringAsync("/"));

        foreach (var email in new[] { "hank@acme.test", "ada@acme.test" })
        {
            var staff = await _app.SignedInBrowserAsync(email);
            Assert.Contains("href=\"/campaigns\"", await staff.GetStringAsync("/"));
            Assert.Contains("Acme intake", await staff.GetStringAsync("/campaigns"));
        }
        var api = await _app.SignedInAsync("hank@acme.test");
        Assert.Single((await (await api.GetAsync("/api/campaigns")).JsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task A_closed_campaign_says_so_and_invites_nobody_more()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var database = new TempDatabase();
        using var app = new SimCallerApp(database.Path, new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000" },
            services => services.AddSingleton<TimeProvider>(clock));
        await app.AddUserAsync("hank@acme.test", Role.Hiring);
        var api = await app.SignedInAsync("hank@acme.test");
        var campaign = await api.CreateCampaignAsync(maxAttempts: 2, expiresAt: clock.GetUtcNow().AddHours(1));
        var ann = await api.InviteAsync(campaign, "Ann");
        var hank = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        await PostFormAsync(hank, "/signin", "/signin", ("email", "hank@acme.test"), ("password", ApiClient.Password), ("returnUrl", "/"));
        Assert.Contains("open, 2 attempts left", Table(await hank.GetStringAsync($"/campaigns/{campaign}"), "candidates"));

        clock.Advance(TimeSpan.FromHours(2));

        var page = await hank.GetStringAsync($"/campaigns/{campaign}");
        Assert.Contains("This campaign has closed", page);
        Assert.DoesNotContain("id=\"invite-form\"", page);
        Assert.Contains("closed", Row(Table(page, "candidates"), "data-candidate", ann.CandidateId));
        Assert.Contains("badge off\">closed", Row(await hank.GetStringAsync("/campaigns"), "data-campaign", campaign));
        // A form kept open from before is refused with the reason, and nobody is added.
        var late = await PostFormAsync(hank, "/campaigns", $"/campaigns/{campaign}/invites", ("candidate", "Late Larry"));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("nobody more can be invited", CampaignError(await late.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("Late Larry", await hank.GetStringAsync($"/campaigns/{campaign}"));
    }

    [Fact]
    public async Task Deleting_a_candidate_on_the_page_removes_them_and_their_calls()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        var api = await _app.SignedInAsync("hank@acme.test");
        var campaign = await api.CreateCampaignAsync(maxAttempts: 3);
        var gone = await api.InviteAsync(campaign, "Gone Candidate");
        var kept = await api.InviteAsync(campaign, "Kept Candidate");
        var goneCalls = new[] { await _app.PlayByInviteAsync(gone.Token, ConsoleClient.HarshLines), await _app.PlayByInviteAsync(gone.Token, ConsoleClient.CalmingLines) };
        var keptCall = await _app.PlayByInviteAsync(kept.Token, ConsoleClient.CalmingLines);
        var hank = await _app.SignedInBrowserAsync("hank@acme.test");
        var action = $"/campaigns/{campaign}/candidates/{gone.CandidateId}/delete";
        Assert.Contains($"action=\"{action}\"", Row(Table(await hank.GetStringAsync($"/campaigns/{campaign}"), "candidates"), "data-candidate", gone.CandidateId));

        // Without its antiforgery token the form deletes nothing.
        var forged = await hank.PostAsync(action, Form(("x", "y")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var practice = _app.Services.GetRequiredService<PracticeService>();
        Assert.NotNull(await practice.FindAsync(goneCalls[0].SessionId));

        var deleted = await PostFormAsync(hank, $"/campaigns/{campaign}", action);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var html = await deleted.Content.ReadAsStringAsync();
        Assert.Contains("Gone Candidate is deleted, with 2 calls.", html);
        Assert.DoesNotContain("Gone Candidate", Table(html, "comparison"));
        Assert.DoesNotContain("Gone Candidate", Table(html, "candidates"));
        foreach (var (id, _) in goneCalls)
        {
            Assert.Null(await practice.FindAsync(id));
            Assert.Equal(HttpStatusCode.NotFound, (await hank.GetAsync($"/sessions/{id}")).StatusCode);
        }
        Assert.NotNull(await practice.FindAsync(keptCall.SessionId));
        Assert.Contains("Kept Candidate", Table(await hank.GetStringAsync($"/campaigns/{campaign}"), "comparison"));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().PostAsJsonAsync("/api/calls", new { invite = gone.Token })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(hank, $"/campaigns/{campaign}", action)).StatusCode);
    }

    private static string CampaignError(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "id=\"campaign-error\">([^<]*)<").Groups[1].Value);

    /// <summary>The table (or its empty message) with this id.</summary>
    private static string Table(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no #{id} on the page");
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.IndexOf("</p>", start, StringComparison.Ordinal) : end)];
    }

    private static string Row(string html, string attribute, string value)
    {
        var start = html.IndexOf($"<tr {attribute}=\"{value}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row {attribute}={value}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static string[] CandidateOrder(string table) =>
        CandidateRow().Matches(table).Select(m => m.Groups[1].Value).ToArray();

    [GeneratedRegex("https://localhost/invite/(sci_[A-Za-z0-9_-]+)")]
    private static partial Regex InviteUrl();

    [GeneratedRegex("<tr data-candidate=\"([^\"]+)\"")]
    private static partial Regex CandidateRow();
}
