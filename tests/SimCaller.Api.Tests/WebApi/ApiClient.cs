using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;

namespace SimCaller.Api.Tests.WebApi;

/// <summary>Accounts and signed-in clients for the HTTP API tests, made the way an operator would.</summary>
public static class ApiClient
{
    public const string Password = "correct horse battery";

    /// <summary>Makes an account (and its organisation when new) through the same service `simcaller users add` uses.</summary>
    public static async Task<Account> AddUserAsync(this SimCallerApp app, string email, Role role, string organisation = "Acme")
    {
        var (account, _, _) = await app.Services.GetRequiredService<AccountService>().CreateAsync(organisation, email, role, Password);
        return account;
    }

    /// <summary>A client carrying a bearer token from POST /api/auth/token.</summary>
    public static async Task<HttpClient> SignedInAsync(this SimCallerApp app, string email, string password = Password)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["token"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient WithBearer(this SimCallerApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");
}
