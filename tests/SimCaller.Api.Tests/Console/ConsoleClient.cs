using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SimCaller.Api.Tests.Infrastructure;
using SimCaller.Api.Tests.WebApi;

namespace SimCaller.Api.Tests.Console;

/// <summary>What the console tests do over HTTP, as an HR system or a candidate's browser would.</summary>
internal static class ConsoleClient
{
    public static readonly string[] CalmingLines =
    [
        "I'm so sorry your flight was cancelled, that sounds awful the night before a wedding.",
        "So you need to be there by tomorrow morning, is that right?",
        "I'll take care of this myself and book you on the first flight tomorrow morning with a confirmed seat.",
    ];

    public static readonly string[] HarshLines = ["Calm down.", "That's not my problem, it's the airline policy.", "There's nothing I can do."];

    public static async Task<string> CreateCampaignAsync(
        this HttpClient manager, int maxAttempts = 2, DateTimeOffset? expiresAt = null, bool showResults = true, int seed = 5, string name = "Support agents")
    {
        var response = await manager.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            persona = "stressed-traveler",
            difficulty = "standard",
            seed,
            max_attempts = maxAttempts,
            expires_at = expiresAt ?? DateTimeOffset.UtcNow.AddDays(7),
            show_results = showResults,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.JsonAsync())["campaign_id"]!;
    }

    public static async Task<(string Token, string CandidateId, string Url)> InviteAsync(this HttpClient manager, string campaignId, string candidate)
    {
        var response = await manager.PostAsJsonAsync($"/api/campaigns/{campaignId}/invites", new { candidate });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.JsonAsync();
        return ((string)json["invite_token"]!, (string)json["candidate_id"]!, (string)json["invite_url"]!);
    }

    /// <summary>A candidate's whole attempt without an account: start by invite, say the lines, hang up.</summary>
    public static async Task<(string SessionId, JsonNode Ended)> PlayByInviteAsync(this SimCallerApp app, string invite, IReadOnlyList<string> lines)
    {
        var start = await app.CreateClient().PostAsJsonAsync("/api/calls", new { invite });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = await start.JsonAsync();
        var id = (string)started["session_id"]!;
        var call = app.WithBearer((string)started["call_token"]!);
        foreach (var line in lines)
        {
            var turn = await call.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = line });
            if (turn.StatusCode == HttpStatusCode.Conflict) break; // the customer ended the call
            Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
            if ((string?)(await turn.JsonAsync())["outcome"] != "in_progress") break;
        }
        var end = await call.PostAsync($"/api/calls/{id}/end", null);
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        return (id, await end.JsonAsync());
    }

    /// <summary>A signed-in trainee's call, ended.</summary>
    public static async Task<(string SessionId, double Score)> PlayAsync(this HttpClient trainee, string persona, string difficulty, IReadOnlyList<string> lines)
    {
        var started = await (await trainee.PostAsJsonAsync("/api/calls", new { persona, difficulty, seed = 3 })).JsonAsync();
        var id = (string)started["session_id"]!;
        foreach (var line in lines)
        {
            var turn = await trainee.PostAsJsonAsync($"/api/calls/{id}/turns", new { text = line });
            if (turn.StatusCode != HttpStatusCode.OK || (string?)(await turn.JsonAsync())["outcome"] != "in_progress") break;
        }
        var ended = await (await trainee.PostAsync($"/api/calls/{id}/end", null)).JsonAsync();
        return (id, (double)ended["score"]!);
    }

    public static async Task<string> DetailAsync(this HttpResponseMessage response) =>
        (string?)(await response.JsonAsync())["detail"] ?? "";
}
