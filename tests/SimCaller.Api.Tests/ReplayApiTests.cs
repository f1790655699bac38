using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;
using SimCaller.Practice;

namespace SimCaller.Api.Tests;

/// <summary>POST /api/sessions/{id}/replay: the counterfactual replay over HTTP, as the console will call it.</summary>
public sealed class ReplayApiTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SimCallerApp _app;

    public ReplayApiTests() => _app = new SimCallerApp(_database.Path);

    public void Dispose()
    {
        _app.Dispose();
        _database.Dispose();
    }

    /// <summary>Calls played straight through the service belong to the default organisation; a trainer of it may replay them.</summary>
    private async Task<HttpClient> TrainerAsync()
    {
        await _app.AddUserAsync("trainer@default.test", Role.Trainer, organisation: "Default");
        return await _app.SignedInAsync("trainer@default.test");
    }

    private async Task<string> PlayAsync(string persona, params string[] lines)
    {
        var practice = _app.Services.GetRequiredService<PracticeService>();
        var started = await practice.StartAsync(new StartSessionRequest(persona, Seed: 5));
        foreach (var line in lines)
        {
            if ((await practice.TakeTurnAsync(started.SessionId, new TraineeTurn(line))).IsOver) return started.SessionId;
        }
        await practice.EndAsync(started.SessionId, EndReason.AgentHungUp);
        return started.SessionId;
    }

    [Theory]
    [InlineData("stressed-traveler")]
    [InlineData("abusive-caller")]
    [InlineData("off-topic-ranter")]
    public async Task A_replay_returns_both_runs_as_json(string persona)
    {
        var sessionId = await PlayAsync(persona, "Calm down.", "That's our policy.", "Is there anything else?");
        var client = await TrainerAsync();

        var response = await client.PostAsJsonAsync($"/api/sessions/{sessionId}/replay",
            new { turn = 1, say = "I'm sorry, that sounds really stressful. Let me sort it out for you now." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(sessionId, (string?)json["session_id"]);
        Assert.Equal(1, (int?)json["turn"]);
        var original = json["original"]!["anger"]!.AsArray().Select(a => (int)a!).ToArray();
        var replay = json["replay"]!["anger"]!.AsArray().Select(a => (int)a!).ToArray();
        Assert.NotEmpty(original);
        Assert.True(replay[0] < original[0], $"an apology with ownership should calm more than 'calm down': {replay[0]} vs {original[0]}");
        Assert.Equal("trainee", (string?)json["replay"]!["turns"]![0]!["speaker"]);
    }

    [Fact]
    public async Task The_texted_debrief_page_draws_each_suggestions_what_if_curve()
    {
        var sessionId = await PlayAsync("stressed-traveler", "Calm down, it's just a flight.", "That's our policy.", "I understand your frustration.");
        var practice = _app.Services.GetRequiredService<PracticeService>();
        var token = (await practice.FindDebriefAsync(sessionId))!.Token;

        var page = await _app.CreateClient().GetStringAsync($"/debriefs/{token}");

        Assert.Contains("class=\"what-if-line\"", page);
        Assert.Contains("stroke-dasharray", page);
        Assert.Contains("What if:", page);
    }

    [Fact]
    public async Task Stop_cuts_the_replay_after_the_new_line()
    {
        var sessionId = await PlayAsync("stressed-traveler", "Hello.", "Okay.", "Right.");

        var response = await (await TrainerAsync()).PostAsJsonAsync($"/api/sessions/{sessionId}/replay", new { turn = 2, say = "What time is the wedding?", stop = true });

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, json["replay"]!["anger"]!.AsArray().Count);
        Assert.Equal("in_progress", (string?)json["replay"]!["outcome"]);
    }

    [Fact]
    public async Task Bad_requests_get_a_clear_reason_and_the_right_status()
    {
        var sessionId = await PlayAsync("abusive-caller", "Hello.");
        var client = await TrainerAsync();

        var unknown = await client.PostAsJsonAsync("/api/sessions/nope/replay", new { turn = 1, say = "Hi" });
        var outside = await client.PostAsJsonAsync($"/api/sessions/{sessionId}/replay", new { turn = 7, say = "Hi" });
        var noTurn = await client.PostAsJsonAsync($"/api/sessions/{sessionId}/replay", new { say = "Hi" });
        var noWords = await client.PostAsJsonAsync($"/api/sessions/{sessionId}/replay", new { turn = 1, say = " " });
        var garbage = await client.PostAsync($"/api/sessions/{sessionId}/replay", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("1 to 1", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noTurn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noWords.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }
}
