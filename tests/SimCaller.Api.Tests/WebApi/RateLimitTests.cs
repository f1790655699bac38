using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;

namespace SimCaller.Api.Tests.WebApi;

/// <summary>Guessing session codes (or passwords) from one address is rate-limited; forwarded headers count only from trusted proxies.</summary>
public sealed class RateLimitTests : IDisposable
{
    private const string ProxyAddress = "10.9.8.7";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private SimCallerApp App(string? trustedProxy = null) => new(_database.Path,
        new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:WindowSeconds"] = "120",
            ["ForwardedHeaders:TrustedProxies:0"] = trustedProxy,
        },
        services => services.AddTransient<IStartupFilter, ConnectionFromProxy>());

    /// <summary>Every test request arrives as if over a connection from <see cref="ProxyAddress"/>.</summary>
    private sealed class ConnectionFromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> nextStep) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ProxyAddress);
                return nextStep();
            });
            next(app);
        };
    }

    private static HttpRequestMessage Guess(string code, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/calls") { Content = JsonContent.Create(new { code }) };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    [Fact]
    public async Task Guessing_codes_from_one_address_is_429_with_Retry_After()
    {
        using var app = App();
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Guess($"1000000{i}"))).StatusCode);
        }

        var limited = await client.SendAsync(Guess("10000009"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 120);
        Assert.False(string.IsNullOrWhiteSpace((string?)(await limited.JsonAsync())["detail"]));
    }

    [Fact]
    public async Task An_untrusted_forwarded_header_does_not_dodge_the_limit()
    {
        using var app = App();
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++) await client.SendAsync(Guess($"2000000{i}", forwardedFor: $"203.0.113.{i}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Guess("20000009", forwardedFor: "203.0.113.99"))).StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_real_client_has_its_own_limit()
    {
        using var app = App(trustedProxy: ProxyAddress);
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++) await client.SendAsync(Guess($"3000000{i}", forwardedFor: "203.0.113.1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Guess("30000009", forwardedFor: "203.0.113.1"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Guess("30000008", forwardedFor: "203.0.113.2"))).StatusCode);
    }

    [Fact]
    public async Task Signed_in_accounts_are_not_held_back_by_the_code_limit()
    {
        using var app = App();
        await app.AddUserAsync("pat@acme.test", Role.Trainee);
        var client = await app.SignedInAsync("pat@acme.test");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/calls", new { persona = "stressed-traveler" })).StatusCode);
        }
    }

    [Fact]
    public async Task Password_guessing_from_one_address_is_rate_limited_too()
    {
        using var app = App();
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++) await client.PostAsJsonAsync("/api/auth/token", new { email = $"x{i}@acme.test", password = "whatever1" });

        var limited = await client.PostAsJsonAsync("/api/auth/token", new { email = "y@acme.test", password = "whatever1" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }

    [Theory]
    [InlineData("RateLimiting:PermitLimit", "0")]
    [InlineData("ForwardedHeaders:TrustedProxies:0", "not-an-address")]
    [InlineData("Accounts:MaxFailedSignIns", "0")]
    public void A_bad_setting_stops_start_up_naming_the_key(string key, string value)
    {
        using var app = new SimCallerApp(_database.Path, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(string.Join(':', key.Split(':').Take(2)), error.ToString());
    }
}
