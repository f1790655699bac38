using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Practice;

namespace SimCaller.Api.Tests.WebApi;

/// <summary>POST /api/calls, /turns and /end from outside: field names, status codes, who may continue a call.</summary>
public sealed class CallsApiTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SimCallerApp _app;

    public CallsApiTests() => _app = new SimCallerApp(_database.Path, new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "1000" });

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task A_signed_in_trainee_holds_a_whole_call_and_gets_score_and_debrief_link()
    {
        await _app.AddUserAsync("pat@acme.test", Role.Trainee);
        var client = await _app.SignedInAsync("pat@acme.test");

        var start = await client.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler", difficulty = "easy", seed = 7 });

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = await start.JsonAsync();
        var id = (string)started["session_id"]!;
        Assert.False(string.IsNullOrWhiteSpace((string?)started["customer"]!["text"]));
        Assert.InRange((int)started["customer"]!["anger"]!, 0, 100);
        Assert.False(string.IsNullOrWhiteSpace((string?)started["customer"]!["mood"]));
        Assert.Null(started["call_token"]);

        var turn = await client.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "I see. Can you tell me your booking reference?" });
        Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
        var taken = await turn.JsonAsync();
        Assert.False(string.IsNullOrWhiteSpace((string?)taken["customer"]!["text"]));
        Assert.NotNull(taken["customer"]!["anger"]);
        Assert.NotNull(taken["customer"]!["mood"]);
        Assert.Equal("in_progress", (string?)taken["outcome"]);

        var end = await client.PostAsync($"/api/calls/{id}/end", null);
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        var ended = await end.JsonAsync();
        Assert.NotEqual("in_progress", (string?)ended["outcome"]);
        Assert.InRange((double)ended["score"]!, 0, 100);
        var link = new Uri((string)ended["debrief_url"]!);
        Assert.StartsWith("/debriefs/", link.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync(link.PathAndQuery)).StatusCode);

        var after = await client.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "Hello?" });
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }

    [Fact]
    public async Task A_code_starts_a_call_without_an_account_and_only_its_call_token_continues_it()
    {
        var code = await _app.Services.GetRequiredService<PracticeService>().CreateCodeAsync("abusive-caller", null, 42, "candidates");
        var anonymous = _app.CreateClient();

        var start = await anonymous.PostAsJsonAsync("/api/calls", new { code = code.Code });
        var other = await (await anonymous.PostAsJsonAsync("/api/calls", new { code = code.Code })).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = await start.JsonAsync();
        var id = (string)started["session_id"]!;
        var token = (string)started["call_token"]!;
        // 128 bits or more: 32 random bytes in URL-safe base64 after the prefix.
        Assert.True(token.Length - Secrets.CallTokenPrefix.Length >= 22, token);
        var session = await _app.Services.GetRequiredService<PracticeService>().FindAsync(id);
        Assert.Equal(("abusive-caller", 42, code.Code), (session!.PersonaId, session.Seed, session.Code));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "Hello." })).StatusCode);
        var stranger = await _app.WithBearer((string)other["call_token"]!).PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "Hello." });
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.DoesNotContain("abusive", await stranger.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.WithBearer((string)other["call_token"]!).PostAsync($"/api/calls/{id}/end", null)).StatusCode);

        var own = _app.WithBearer(token);
        Assert.Equal(HttpStatusCode.OK, (await own.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "I hear you. Tell me what happened." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.PostAsync($"/api/calls/{id}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync("/api/sessions")).StatusCode);
    }

    [Fact]
    public async Task Another_account_cannot_continue_or_end_a_call_even_in_the_same_organisation()
    {
        await _app.AddUserAsync("one@acme.test", Role.Trainee);
        await _app.AddUserAsync("boss@acme.test", Role.Admin);
        var one = await _app.SignedInAsync("one@acme.test");
        var id = (string)(await (await one.PostAsJsonAsync("/api/calls", new { persona = "off-topic-ranter" })).JsonAsync())["session_id"]!;
        var boss = await _app.SignedInAsync("boss@acme.test");

        Assert.Equal(HttpStatusCode.NotFound, (await boss.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "Hi." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boss.PostAsync($"/api/calls/{id}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await one.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = "Hi." })).StatusCode);
    }

    [Fact]
    public async Task Bad_starts_and_turns_are_400_with_a_reason_never_500()
    {
        await _app.AddUserAsync("pat@acme.test", Role.Trainee);
        var client = await _app.SignedInAsync("pat@acme.test");
        var id = (string)(await (await client.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler" })).JsonAsync())["session_id"]!;

        var responses = new[]
        {
            await client.PostAsJsonAsync("/api/calls", new { persona = "no-such-customer" }),
            await client.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler", difficulty = "impossible" }),
            await client.PostAsJsonAsync("/api/calls", new { }),
            await client.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler", code = "12345678" }),
            await client.PostAsync("/api/calls", new StringContent("{\"persona\": 5", System.Text.Encoding.UTF8, "application/json")),
            await client.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler", seed = "seven" }),
            await client.PostAsJsonAsync($"/api/calls/{id}/turns", new { }),
            await client.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = new string('a', 5000) }),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((string?)(await response.JsonAsync())["detail"]));
        }
        Assert.Contains("no-such-customer", await responses[0].Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_token_choosing_a_customer_is_401_and_an_unknown_code_is_404()
    {
        var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync("/api/calls", new { code = "00000000" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/calls/abc/turns", new { text = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/calls/abc/end", null)).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_account_may_use_its_own_organisations_code_but_not_another_ones()
    {
        var practice = _app.Services.GetRequiredService<PracticeService>();
        var theirs = await practice.CreateCodeAsync("stressed-traveler", null, 3, null, organisationId: "someone-else");
        await _app.AddUserAsync("pat@acme.test", Role.Trainee);
        var client = await _app.SignedInAsync("pat@acme.test");

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/calls", new { code = theirs.Code })).StatusCode);
    }
}
