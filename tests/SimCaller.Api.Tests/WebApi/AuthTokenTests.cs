using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SimCaller.Accounts;
using SimCaller.Api.Tests.Infrastructure;

namespace SimCaller.Api.Tests.WebApi;

/// <summary>POST /api/auth/token from outside: the token, its expiry, one message for every failure, lockout.</summary>
public sealed class AuthTokenTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SimCallerApp _app;

    public AuthTokenTests() => _app = new SimCallerApp(_database.Path, new Dictionary<string, string?>
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
    public async Task A_right_password_gets_a_token_with_an_ISO_8601_expiry_that_opens_the_API()
    {
        await _app.AddUserAsync("Trainer@Acme.test", Role.Trainer);
        var client = _app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = "trainer@acme.test", password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        var token = (string)json["token"]!;
        Assert.True(token.Length >= 40, token);
        var expiresAt = DateTimeOffset.ParseExact((string)json["expires_at"]!, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddHours(11), DateTimeOffset.UtcNow.AddHours(13));
        Assert.Equal(HttpStatusCode.OK, (await _app.WithBearer(token).GetAsync("/api/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.WithBearer(token + "x").GetAsync("/api/sessions")).StatusCode);
    }

    [Fact]
    public async Task Wrong_email_and_wrong_password_get_the_same_401()
    {
        await _app.AddUserAsync("trainee@acme.test", Role.Trainee);
        var client = _app.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/token", new { email = "trainee@acme.test", password = "not the password" });
        var wrongEmail = await client.PostAsJsonAsync("/api/auth/token", new { email = "nobody@acme.test", password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongEmail.StatusCode);
        Assert.Equal((string?)(await wrongPassword.JsonAsync())["detail"], (string?)(await wrongEmail.JsonAsync())["detail"]);
        Assert.DoesNotContain("token", await wrongEmail.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password()
    {
        await _app.AddUserAsync("admin@acme.test", Role.Admin);
        var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.PostAsJsonAsync("/api/auth/token", new { email = "admin@acme.test", password = $"guess number {i}" })).StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/auth/token", new { email = "admin@acme.test", password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var result = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<AccountService>(_app.Services).SignInAsync("admin@acme.test", ApiClient.Password);
        Assert.Equal(SignInStatus.LockedOut, result.Status);
    }

    [Fact]
    public async Task A_good_sign_in_starts_the_failure_count_again()
    {
        await _app.AddUserAsync("hiring@acme.test", Role.Hiring);
        var client = _app.CreateClient();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 2; i++)
            {
                await client.PostAsJsonAsync("/api/auth/token", new { email = "hiring@acme.test", password = "wrong wrong" });
            }
            Assert.Equal(HttpStatusCode.OK,
                (await client.PostAsJsonAsync("/api/auth/token", new { email = "hiring@acme.test", password = ApiClient.Password })).StatusCode);
        }
    }

    [Theory]
    [InlineData("{\"email\": \"a@b.test\"}")]
    [InlineData("{\"email\": ")]
    [InlineData("[1, 2]")]
    public async Task A_request_without_both_fields_or_not_JSON_is_a_400_problem(string body)
    {
        var response = await _app.CreateClient().PostAsync("/api/auth/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((string?)(await response.JsonAsync())["detail"]));
    }

    [Fact]
    public async Task No_token_is_401_and_a_call_token_is_not_an_account()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.WithBearer("scc_" + new string('a', 43)).GetAsync("/api/sessions")).StatusCode);
    }
}
