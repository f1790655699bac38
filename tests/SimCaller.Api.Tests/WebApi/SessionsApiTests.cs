using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Practice;

namespace SimCaller.Api.Tests.WebApi;

/// <summary>GET /api/sessions, /api/sessions.csv, /api/sessions/{id}/debrief and the replay route: filters, paging, who sees what.</summary>
public sealed class SessionsApiTests : IDisposable
{
    private static readonly string[] ItemFields = ["session_id", "persona", "difficulty", "seed", "outcome", "score", "trainee", "code", "started_at"];

    private readonly TempDatabase _database = new();
    private readonly SimCallerApp _app;

    public SessionsApiTests() => _app = new SimCallerApp(_database.Path, new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000" });

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    private async Task<string> PlayAsync(HttpClient client, string persona, string? difficulty = null, bool end = true)
    {
        var started = await (await client.PostAsJsonAsync("/api/calls", new { persona, difficulty, seed = 11 })).JsonAsync();
        var id = (string)started["session_id"]!;
        await client.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "I'm sorry about that. Let me fix it for you right now." });
        if (end) (await client.PostAsync($"/api/calls/{id}/end", null)).EnsureSuccessStatusCode();
        return id;
    }

    private static string[] Ids(JsonNode list) => list["items"]!.AsArray().Select(i => (string)i!["session_id"]!).ToArray();

    [Fact]
    public async Task Trainers_see_their_organisation_trainees_only_their_own_and_nobody_another_organisation()
    {
        await _app.AddUserAsync("ann@acme.test", Role.Trainee);
        await _app.AddUserAsync("bob@acme.test", Role.Trainee);
        await _app.AddUserAsync("tess@acme.test", Role.Trainer);
        await _app.AddUserAsync("hank@acme.test", Role.Hiring);
        await _app.AddUserAsync("eve@globex.test", Role.Admin, organisation: "Globex");
        var ann = await _app.SignedInAsync("ann@acme.test");
        var bob = await _app.SignedInAsync("bob@acme.test");
        var eve = await _app.SignedInAsync("eve@globex.test");
        var annCall = await PlayAsync(ann, "stressed-traveler");
        var bobCall = await PlayAsync(bob, "abusive-caller");
        var eveCall = await PlayAsync(eve, "off-topic-ranter");

        var trainerList = await (await (await _app.SignedInAsync("tess@acme.test")).GetAsync("/api/sessions")).JsonAsync();
        var hiringList = await (await (await _app.SignedInAsync("hank@acme.test")).GetAsync("/api/sessions")).JsonAsync();
        var annList = await (await ann.GetAsync("/api/sessions")).JsonAsync();
        var eveList = await (await eve.GetAsync("/api/sessions")).JsonAsync();

        Assert.Equal(new[] { annCall, bobCall }.Order(), Ids(trainerList).Order());
        Assert.Equal(2, (int)trainerList["total"]!);
        Assert.Equal(Ids(trainerList).Order(), Ids(hiringList).Order());
        Assert.Equal([annCall], Ids(annList));
        Assert.Equal(1, (int)annList["total"]!);
        Assert.Equal([eveCall], Ids(eveList));

        var item = trainerList["items"]![0]!.AsObject();
        Assert.Equal(ItemFields.Order(), item.Select(p => p.Key).Order());
        Assert.Equal("ann@acme.test", (string?)annList["items"]![0]!["trainee"]);
        Assert.True(DateTimeOffset.TryParse((string?)item["started_at"], out _));

        // Another organisation's session, or a fellow trainee's: not found, and nothing about it in the answer.
        foreach (var (client, id) in new[] { (eve, annCall), (ann, bobCall), (bob, eveCall) })
        {
            var debrief = await client.GetAsync($"/api/sessions/{id}/debrief");
            var replay = await client.PostAsJsonAsync($"/api/sessions/{id}/replay", new { turn = 1, say = "Hello." });
            Assert.Equal(HttpStatusCode.NotFound, debrief.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
            foreach (var body in new[] { await debrief.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync() })
            {
                Assert.DoesNotContain("traveler", body);
                Assert.DoesNotContain("abusive", body);
                Assert.DoesNotContain("ranter", body);
                Assert.DoesNotContain("score", body);
            }
        }
        Assert.DoesNotContain(annCall, await eve.GetStringAsync("/api/sessions.csv"));
    }

    [Fact]
    public async Task The_debrief_and_the_replay_of_a_visible_session()
    {
        await _app.AddUserAsync("ann@acme.test", Role.Trainee);
        await _app.AddUserAsync("tess@acme.test", Role.Trainer);
        var ann = await _app.SignedInAsync("ann@acme.test");
        var id = await PlayAsync(ann, "stressed-traveler");
        var open = await PlayAsync(ann, "stressed-traveler", end: false);
        var tess = await _app.SignedInAsync("tess@acme.test");

        var debrief = await tess.GetAsync($"/api/sessions/{id}/debrief");
        var replay = await ann.PostAsJsonAsync($"/api/sessions/{id}/replay", new { turn = 1, say = "Calm down." });

        Assert.Equal(HttpStatusCode.OK, debrief.StatusCode);
        Assert.Equal("application/json", debrief.Content.Headers.ContentType?.MediaType);
        var json = await debrief.JsonAsync();
        Assert.Equal(id, (string?)json["session_id"]);
        Assert.NotNull(json["score"]);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tess.GetAsync($"/api/sessions/{open}/debrief")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync($"/api/sessions/{id}/debrief")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().PostAsJsonAsync($"/api/sessions/{id}/replay", new { turn = 1, say = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/sessions.csv")).StatusCode);
    }

    [Fact]
    public async Task Filters_and_paging_give_the_right_items_and_totals_in_JSON_and_CSV()
    {
        await _app.AddUserAsync("ann@acme.test", Role.Trainee);
        await _app.AddUserAsync("bob@acme.test", Role.Trainee);
        await _app.AddUserAsync("tess@acme.test", Role.Trainer);
        var ann = await _app.SignedInAsync("ann@acme.test");
        var bob = await _app.SignedInAsync("bob@acme.test");
        var annHard = new List<string>();
        for (var i = 0; i < 5; i++) annHard.Add(await PlayAsync(ann, "stressed-traveler", "hard"));
        var annEasy = await PlayAsync(ann, "stressed-traveler", "easy");
        var bobOpen = await PlayAsync(bob, "abusive-caller", end: false);
        var code = await _app.Services.GetRequiredService<PracticeService>().CreateCodeAsync("abusive-caller", null, 5, null);
        var byCode = (string)(await (await _app.CreateClient().PostAsJsonAsync("/api/calls", new { code = code.Code })).JsonAsync())["session_id"]!;
        var tess = await _app.SignedInAsync("tess@acme.test");

        async Task<(string[] Ids, int Total)> ListAsync(string query)
        {
            var response = await tess.GetAsync("/api/sessions?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.JsonAsync();
            return (Ids(json), (int)json["total"]!);
        }
        async Task<string[]> CsvIdsAsync(string query)
        {
            var response = await tess.GetAsync("/api/sessions.csv?" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(',', ItemFields), lines[0]);
            return lines.Skip(1).Select(l => l.Split(',')[0]).ToArray();
        }

        // The code's session is the default organisation's (the code was made without one), so not Acme's.
        Assert.Equal(7, (await ListAsync("")).Total);
        Assert.DoesNotContain(byCode, (await ListAsync("page_size=100")).Ids);

        var page1 = await ListAsync("persona=stressed-traveler&difficulty=hard&page=1&page_size=2");
        var page3 = await ListAsync("persona=stressed-traveler&difficulty=hard&page=3&page_size=2");
        var page4 = await ListAsync("persona=stressed-traveler&difficulty=hard&page=4&page_size=2");
        Assert.Equal((2, 5), (page1.Ids.Length, page1.Total));
        Assert.Equal((1, 5), (page3.Ids.Length, page3.Total));
        Assert.Equal((0, 5), (page4.Ids.Length, page4.Total));
        var all = (await ListAsync("persona=stressed-traveler&difficulty=hard&page_size=100")).Ids;
        Assert.Equal(annHard.Order(), all.Order());
        Assert.Equal(annHard.Order(), (await CsvIdsAsync("persona=stressed-traveler&difficulty=hard&page_size=2")).Order());

        Assert.Equal([bobOpen], (await ListAsync("outcome=in_progress")).Ids);
        Assert.Equal([bobOpen], await CsvIdsAsync("outcome=in_progress"));
        Assert.Equal([bobOpen], (await ListAsync("trainee=bob@acme.test")).Ids);
        Assert.Equal([annEasy], (await ListAsync("difficulty=easy")).Ids);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Equal(7, (await ListAsync($"from={today}&to={today}")).Total);
        Assert.Equal(0, (await ListAsync("to=2020-01-01")).Total);
        Assert.Empty(await CsvIdsAsync("to=2020-01-01"));
        var scored = await ListAsync("min_score=0&max_score=100&page_size=100");
        Assert.Equal(6, scored.Total);
        Assert.Equal(scored.Ids.Order(), (await CsvIdsAsync("min_score=0&max_score=100")).Order());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page_size=0")]
    [InlineData("page_size=101")]
    [InlineData("page=two")]
    [InlineData("outcome=exploded")]
    [InlineData("from=yesterday")]
    [InlineData("min_score=150")]
    [InlineData("min_score=80&max_score=20")]
    [InlineData("from=2026-02-01&to=2026-01-01")]
    public async Task Bad_filters_are_400_naming_what_is_wrong(string query)
    {
        await _app.AddUserAsync("tess@acme.test", Role.Trainer);
        var tess = await _app.SignedInAsync("tess@acme.test");
        var parameter = query.Split('=')[0];

        foreach (var path in new[] { "/api/sessions?", "/api/sessions.csv?" })
        {
            var response = await tess.GetAsync(path + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(parameter, (string?)(await response.JsonAsync())["detail"]);
        }
    }
}
