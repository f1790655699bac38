using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;
using SimCaller.Practice;

namespace SimCaller.Api.Tests.Console;

/// <summary>Hiring campaigns from outside: invites, capped attempts, expiry, the comparison and its CSV, results shown or not.</summary>
public sealed class CampaignApiTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly SimCallerApp _app;

    public CampaignApiTests() => _app = new SimCallerApp(_database.Path,
        new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000" },
        services => services.AddSingleton<TimeProvider>(_clock));

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    private async Task<HttpClient> ManagerAsync()
    {
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        return await _app.SignedInAsync("hank@acme.test");
    }

    [Fact]
    public async Task Two_candidates_play_by_invite_on_identical_conditions_one_runs_out_and_the_comparison_shows_each_best()
    {
        var manager = await ManagerAsync();
        var campaign = await manager.CreateCampaignAsync(maxAttempts: 2, expiresAt: _clock.GetUtcNow().AddDays(7), seed: 5);
        var ann = await manager.InviteAsync(campaign, "Ann Candidate");
        var bob = await manager.InviteAsync(campaign, "Bob Candidate");

        // 256 random bits after the prefix, and the link carries the token.
        Assert.True(ann.Token.Length - "sci_".Length >= 43, ann.Token);
        Assert.NotEqual(ann.Token, bob.Token);
        Assert.Contains(Uri.EscapeDataString(ann.Token), ann.Url);
        Assert.StartsWith("http", ann.Url);

        var annFirst = await _app.PlayByInviteAsync(ann.Token, ConsoleClient.HarshLines);
        var annSecond = await _app.PlayByInviteAsync(ann.Token, ConsoleClient.CalmingLines);
        var bobOnly = await _app.PlayByInviteAsync(bob.Token, ConsoleClient.HarshLines);

        var third = await _app.CreateClient().PostAsJsonAsync("/api/calls", new { invite = ann.Token });
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Contains("attempts", await third.DetailAsync());

        // Identical conditions: same customer, difficulty and seed for everyone; the candidate's name on the session.
        var practice = _app.Services.GetRequiredService<PracticeService>();
        var sessions = new[] { annFirst.SessionId, annSecond.SessionId, bobOnly.SessionId }.Select(id => practice.FindAsync(id).Result!).ToArray();
        Assert.All(sessions, s => Assert.Equal(("stressed-traveler", "standard", 5), (s.PersonaId, s.Difficulty, s.Seed)));
        Assert.Equal(["Ann Candidate", "Ann Candidate", "Bob Candidate"], sessions.Select(s => s.Trainee));

        var comparison = await manager.GetAsync($"/api/campaigns/{campaign}/comparison");
        Assert.Equal(HttpStatusCode.OK, comparison.StatusCode);
        var rows = (await comparison.JsonAsync())["rows"]!.AsArray();
        Assert.Equal(2, rows.Count);
        var annRow = rows.Single(r => (string?)r!["candidate"] == "Ann Candidate")!;
        var bobRow = rows.Single(r => (string?)r!["candidate"] == "Bob Candidate")!;
        Assert.Equal(2, (int)annRow["attempts"]!);
        Assert.Equal(1, (int)bobRow["attempts"]!);
        var annScores = new[] { (double)annFirst.Ended["score"]!, (double)annSecond.Ended["score"]! };
        Assert.Equal(annScores.Max(), (double)annRow["best_score"]!);
        Assert.Equal((double)bobOnly.Ended["score"]!, (double)bobRow["best_score"]!);
        foreach (var field in new[] { "candidate", "attempts", "best_score", "outcome", "criteria", "first_empathy_seconds", "harmful_moves" })
        {
            Assert.True(annRow.AsObject().ContainsKey(field), field);
        }

        // The row's numbers are those of the best attempt's debrief.
        var best = annScores[0] >= annScores[1] ? annFirst : annSecond;
        var debrief = await (await manager.GetAsync($"/api/sessions/{best.SessionId}/debrief")).JsonAsync();
        Assert.Equal((string?)debrief["outcome"], (string?)annRow["outcome"]);
        Assert.Equal((int)debrief["stats"]!["harmful_move_count"]!, (int)annRow["harmful_moves"]!);
        var criteria = debrief["criteria"]!.AsArray().ToDictionary(c => (string)c!["id"]!, c => (int)c!["score"]!);
        Assert.Equal(criteria.OrderBy(c => c.Key), annRow["criteria"]!.AsObject().ToDictionary(p => p.Key, p => (int)p.Value!).OrderBy(c => c.Key));
        Assert.True((int)bobRow["harmful_moves"]! > 0);

        // Sortable: by score (highest first by default), by candidate, by harmful moves.
        var byScore = await RowsAsync(manager, campaign, "");
        Assert.Equal(byScore.Select(r => (double)r["best_score"]!).OrderDescending(), byScore.Select(r => (double)r["best_score"]!));
        Assert.Equal(["Ann Candidate", "Bob Candidate"], (await RowsAsync(manager, campaign, "?sort=candidate")).Select(r => (string)r["candidate"]!));
        Assert.Equal(["Bob Candidate", "Ann Candidate"], (await RowsAsync(manager, campaign, "?sort=candidate&order=desc")).Select(r => (string)r["candidate"]!));
        var byHarm = await RowsAsync(manager, campaign, "?sort=harmful_moves&order=asc");
        Assert.Equal(byHarm.Select(r => (int)r["harmful_moves"]!).Order(), byHarm.Select(r => (int)r["harmful_moves"]!));
        var badSort = await manager.GetAsync($"/api/campaigns/{campaign}/comparison?sort=height");
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Contains("sort", await badSort.DetailAsync());

        var csv = await manager.GetAsync($"/api/campaigns/{campaign}/comparison.csv?sort=candidate");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal(["candidate_id", "candidate", "attempts", "best_score", "outcome", "first_empathy_seconds", "harmful_moves"], header.Take(7));
        Assert.Equal(criteria.Keys.Order(), header.Skip(7).Order());
        var annCells = lines[1].Split(',');
        Assert.Equal("Ann Candidate", annCells[1]);
        Assert.Equal("2", annCells[2]);
        Assert.Equal(annScores.Max().ToString(System.Globalization.CultureInfo.InvariantCulture), annCells[3]);
        Assert.Equal(criteria["empathy"].ToString(System.Globalization.CultureInfo.InvariantCulture), annCells[Array.IndexOf(header, "empathy")]);
        Assert.StartsWith(bob.CandidateId + ",Bob Candidate,1,", lines[2]);
    }

    private static async Task<JsonNode[]> RowsAsync(HttpClient manager, string campaign, string query) =>
        (await (await manager.GetAsync($"/api/campaigns/{campaign}/comparison{query}")).JsonAsync())["rows"]!.AsArray().Select(r => r!).ToArray();

    [Fact]
    public async Task After_the_expiry_an_invite_is_refused_with_403_naming_the_expiry()
    {
        var manager = await ManagerAsync();
        var campaign = await manager.CreateCampaignAsync(maxAttempts: 3, expiresAt: _clock.GetUtcNow().AddHours(2));
        var invite = await manager.InviteAsync(campaign, "late@example.test");
        await _app.PlayByInviteAsync(invite.Token, ConsoleClient.CalmingLines);

        _clock.Advance(TimeSpan.FromHours(3));
        var refused = await _app.CreateClient().PostAsJsonAsync("/api/calls", new { invite = invite.Token });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("expired", await refused.DetailAsync());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var comparison = await (await (await _app.SignedInAsync("hank@acme.test")).GetAsync($"/api/campaigns/{campaign}/comparison")).JsonAsync();
        Assert.Equal(1, (int)comparison["rows"]![0]!["attempts"]!);

        var unknown = await _app.CreateClient().PostAsJsonAsync("/api/calls", new { invite = "sci_not-a-real-invite" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var mixed = await _app.CreateClient().PostAsJsonAsync("/api/calls", new { invite = invite.Token, persona = "abusive-caller" });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
    }

    [Fact]
    public async Task Candidates_see_their_own_result_only_when_the_campaign_shows_results()
    {
        var manager = await ManagerAsync();
        var hidden = await manager.CreateCampaignAsync(showResults: false, name: "Blind");
        var shown = await manager.CreateCampaignAsync(showResults: true, name: "Open");

        var blind = await _app.PlayByInviteAsync((await manager.InviteAsync(hidden, "Cara")).Token, ConsoleClient.CalmingLines);
        var open = await _app.PlayByInviteAsync((await manager.InviteAsync(shown, "Dan")).Token, ConsoleClient.CalmingLines);

        Assert.NotEqual("in_progress", (string?)blind.Ended["outcome"]);
        Assert.Null(blind.Ended["score"]);
        Assert.Null(blind.Ended["debrief_url"]);
        Assert.InRange((double)open.Ended["score"]!, 0, 100);
        Assert.NotNull(open.Ended["debrief_url"]);
        // The hiring team still sees the hidden one's result.
        var rows = (await (await manager.GetAsync($"/api/campaigns/{hidden}/comparison")).JsonAsync())["rows"]!.AsArray();
        Assert.NotNull(rows[0]!["best_score"]);
    }

    [Fact]
    public async Task Bad_campaign_input_is_a_400_saying_what_is_wrong_and_only_hiring_managers_and_admins_make_campaigns()
    {
        var manager = await ManagerAsync();
        var now = _clock.GetUtcNow();
        object Body(string persona = "stressed-traveler", string difficulty = "standard", int attempts = 2, DateTimeOffset? expires = null, string name = "X") =>
            new { name, persona, difficulty, seed = 1, max_attempts = attempts, expires_at = expires ?? now.AddDays(1) };

        var cases = new (object Body, string Says)[]
        {
            (Body(persona: "nobody"), "persona"),
            (Body(difficulty: "impossible"), "difficulty"),
            (Body(attempts: 0), "max_attempts"),
            (Body(expires: now.AddDays(-1)), "past"),
            (Body(name: " "), "name"),
        };
        foreach (var (body, says) in cases)
        {
            var response = await manager.PostAsJsonAsync("/api/campaigns", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(says, await response.DetailAsync());
        }
        var notJson = await manager.PostAsync("/api/campaigns", new StringContent("{\"expires_at\": \"soon\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        var campaign = await manager.CreateCampaignAsync();
        var noName = await manager.PostAsJsonAsync($"/api/campaigns/{campaign}/invites", new { candidate = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("candidate", await noName.DetailAsync());

        await _app.AddUserAsync("tess@acme.test", Role.Trainer);
        await _app.AddUserAsync("ann@acme.test", Role.Trainee);
        await _app.AddUserAsync("ada@acme.test", Role.Admin);
        foreach (var email in new[] { "tess@acme.test", "ann@acme.test" })
        {
            var client = await _app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/campaigns", Body())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/campaigns/{campaign}/comparison")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Created, (await (await _app.SignedInAsync("ada@acme.test")).PostAsJsonAsync("/api/campaigns", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().PostAsJsonAsync("/api/campaigns", Body())).StatusCode);
    }
}
