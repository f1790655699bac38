using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SimCaller.Accounts;
using SimCaller.Storage.Sqlite;

namespace SimCaller.Cli.Tests;

/// <summary>`simcaller users add`: the first admin of an organisation, made on the server.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly CliFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private async Task<SignInResult> SignInAsync(string email, string password)
    {
        var store = new SqliteSessionStore(_folder.Database);
        return await new AccountService(store, Options.Create(new AccountOptions()), TimeProvider.System).SignInAsync(email, password);
    }

    [Fact]
    public async Task Adds_an_admin_who_can_then_sign_in_with_the_password_from_stdin()
    {
        var run = await _folder.RunWithInputAsync("s3cret-enough\n",
            "users", "add", "--email", "Admin@Acme.test", "--role", "admin", "--org", "Acme", "--password-stdin", "--json", "--db", _folder.Database);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("admin@acme.test", json.RootElement.GetProperty("email").GetString());
        Assert.Equal("admin", json.RootElement.GetProperty("role").GetString());
        Assert.Equal("Acme", json.RootElement.GetProperty("organisation").GetString());
        Assert.True(json.RootElement.GetProperty("organisation_created").GetBoolean());
        Assert.Contains("Acme", run.Stderr);

        var good = await SignInAsync("admin@acme.test", "s3cret-enough");
        Assert.True(good.Succeeded);
        Assert.Equal(Role.Admin, good.Account!.Role);
        Assert.DoesNotContain("s3cret", good.Account.PasswordHash);
        Assert.False((await SignInAsync("admin@acme.test", "s3cret-enough!")).Succeeded);
    }

    [Fact]
    public async Task A_second_account_joins_the_existing_organisation()
    {
        await _folder.RunWithInputAsync("password-one\n", "users", "add", "--email", "a@acme.test", "--role", "admin", "--org", "Acme", "--password-stdin", "--db", _folder.Database);

        var run = await _folder.RunWithInputAsync("password-two\n", "users", "add", "--email", "b@acme.test", "--role", "trainee", "--org", "Acme", "--password-stdin", "--db", _folder.Database);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var a = (await SignInAsync("a@acme.test", "password-one")).Account!;
        var b = (await SignInAsync("b@acme.test", "password-two")).Account!;
        Assert.Equal(a.OrganisationId, b.OrganisationId);
        Assert.Equal(Role.Trainee, b.Role);
        Assert.Equal(b.Id, run.Stdout.Trim());
    }

    [Theory]
    [InlineData("secret-enough\n", "--role", "boss")]
    [InlineData("short\n", "--role", "trainer")]
    [InlineData("\n", "--role", "trainer")]
    public async Task Bad_role_short_or_missing_password_exit_2_and_add_nobody(string stdin, string flag, string role)
    {
        var run = await _folder.RunWithInputAsync(stdin, "users", "add", "--email", "t@acme.test", flag, role, "--org", "Acme", "--password-stdin", "--db", _folder.Database);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.Equal(SignInStatus.Failed, (await SignInAsync("t@acme.test", stdin.Trim())).Status);
    }

    [Fact]
    public async Task Without_password_stdin_it_exits_2_saying_how()
    {
        var run = await _folder.RunAsync("users", "add", "--email", "t@acme.test", "--role", "trainer", "--org", "Acme", "--db", _folder.Database);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--password-stdin", run.Stderr);
    }

    [Fact]
    public async Task A_taken_email_exits_1_and_keeps_the_first_password()
    {
        await _folder.RunWithInputAsync("first-password\n", "users", "add", "--email", "t@acme.test", "--role", "trainer", "--org", "Acme", "--password-stdin", "--db", _folder.Database);

        var again = await _folder.RunWithInputAsync("second-password\n", "users", "add", "--email", "T@acme.test", "--role", "admin", "--org", "Other", "--password-stdin", "--db", _folder.Database);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Stderr);
        Assert.True((await SignInAsync("t@acme.test", "first-password")).Succeeded);
    }
}
