using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SimCaller.Accounts;
using SimCaller.Core.Calls;
using SimCaller.Practice.Storage;
using SimCaller.Storage.Schema;

namespace SimCaller.Practice.Tests.Storage;

/// <summary>
/// Organisations, accounts, tokens and the organisation of sessions and codes, on every engine: each
/// engine's class says how to open a store on a fresh database and a raw connection to it.
/// </summary>
public abstract class AccountStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A store on a fresh, empty database, and a way to open plain connections to that database.</summary>
    protected abstract Task<(Func<object> OpenStore, Func<Task<DbConnection>> Connect)> NewDatabaseAsync();

    private async Task<(IAccountStore Accounts, ISessionStore Sessions, Func<Task<DbConnection>> Connect)> FreshAsync()
    {
        var (open, connect) = await NewDatabaseAsync();
        var store = open();
        return ((IAccountStore)store, (ISessionStore)store, connect);
    }

    private static Account NewAccount(string id, string organisation, string email, Role role = Role.Trainee) =>
        new(id, organisation, email, role, true, "hash-" + id, 0, null, "stamp-" + id, T0);

    [SkippableFact]
    public async Task The_default_organisation_is_there_and_names_are_unique()
    {
        var (accounts, _, _) = await FreshAsync();

        Assert.Equal("Default", (await accounts.FindOrganisationAsync(Organisations.DefaultId))!.Name);
        Assert.True(await accounts.CreateOrganisationAsync(new Organisation("o1", "Acme", T0)));
        Assert.False(await accounts.CreateOrganisationAsync(new Organisation("o2", "Acme", T0)));
        Assert.Equal(new Organisation("o1", "Acme", T0), await accounts.FindOrganisationByNameAsync(" Acme "));
        Assert.Null(await accounts.FindOrganisationByNameAsync("Globex"));
    }

    [SkippableFact]
    public async Task Accounts_round_trip_emails_are_unique_and_lists_stay_in_their_organisation()
    {
        var (accounts, _, _) = await FreshAsync();
        await accounts.CreateOrganisationAsync(new Organisation("o1", "Acme", T0));
        await accounts.CreateOrganisationAsync(new Organisation("o2", "Globex", T0));
        var ann = NewAccount("a1", "o1", "ann@acme.test", Role.Admin) with { LockedUntil = T0.AddMinutes(5), FailedSignIns = 2 };

        Assert.True(await accounts.CreateAccountAsync(ann));
        Assert.True(await accounts.CreateAccountAsync(NewAccount("a2", "o1", "bob@acme.test")));
        Assert.True(await accounts.CreateAccountAsync(NewAccount("a3", "o2", "eve@globex.test")));
        Assert.False(await accounts.CreateAccountAsync(NewAccount("a4", "o2", "ann@acme.test")));

        Assert.Equal(ann, await accounts.FindAccountAsync("a1"));
        Assert.Equal(ann, await accounts.FindAccountByEmailAsync("ann@acme.test"));
        Assert.Null(await accounts.FindAccountByEmailAsync("nobody@acme.test"));
        Assert.Equal(["ann@acme.test", "bob@acme.test"], (await accounts.ListAccountsAsync("o1")).Select(a => a.Email));
        Assert.Equal(["eve@globex.test"], (await accounts.ListAccountsAsync("o2")).Select(a => a.Email));
    }

    [SkippableFact]
    public async Task Failures_are_counted_by_the_database_and_the_limit_locks_the_account()
    {
        var (accounts, _, _) = await FreshAsync();
        await accounts.CreateAccountAsync(NewAccount("a1", Organisations.DefaultId, "ann@acme.test"));

        // Concurrent failures all count.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => accounts.RecordFailedSignInAsync("a1", 100, T0.AddMinutes(15))));
        Assert.Equal(8, (await accounts.FindAccountAsync("a1"))!.FailedSignIns);

        await accounts.ResetFailedSignInsAsync("a1");
        await accounts.RecordFailedSignInAsync("a1", 3, T0.AddMinutes(15));
        var second = await accounts.RecordFailedSignInAsync("a1", 3, T0.AddMinutes(15));
        var third = await accounts.RecordFailedSignInAsync("a1", 3, T0.AddMinutes(15));

        Assert.Null(second!.LockedUntil);
        Assert.Equal(T0.AddMinutes(15), third!.LockedUntil);
        Assert.Equal(0, third.FailedSignIns);
    }

    [SkippableFact]
    public async Task Tokens_find_their_account_until_revoked_or_swept_after_expiry()
    {
        var (accounts, _, _) = await FreshAsync();
        var ann = NewAccount("a1", Organisations.DefaultId, "ann@acme.test");
        await accounts.CreateAccountAsync(ann);
        await accounts.StoreTokenAsync("h-live", "a1", T0, T0.AddHours(12));
        await accounts.StoreTokenAsync("h-old", "a1", T0.AddDays(-2), T0.AddDays(-1));

        Assert.Equal((ann, T0.AddHours(12)), await accounts.FindTokenAsync("h-live"));
        Assert.Null(await accounts.FindTokenAsync("h-unknown"));
        Assert.Equal(1, await accounts.DeleteExpiredTokensAsync(T0));
        Assert.Null(await accounts.FindTokenAsync("h-old"));

        var deactivated = ann with { Active = false, SecurityStamp = "new", LockedUntil = T0.AddHours(1) };
        Assert.True(await accounts.UpdateAccountAsync(deactivated, revokeTokens: true));
        Assert.Null(await accounts.FindTokenAsync("h-live"));
        Assert.Equal(deactivated with { LockedUntil = null }, await accounts.FindAccountAsync("a1"));
    }

    [SkippableFact]
    public async Task Sessions_and_codes_keep_their_organisation_and_starter_and_queries_filter_by_them()
    {
        var (_, sessions, _) = await FreshAsync();
        var acmeAnn = Session("s1", T0, "o1", "a1");
        var acmeBob = Session("s2", T0.AddMinutes(1), "o1", "a2");
        var byCode = Session("s3", T0.AddMinutes(2), "o1", null) with { CallTokenHash = "call-hash" };
        var globex = Session("s4", T0.AddMinutes(3), "o2", "a3");
        foreach (var s in new[] { acmeAnn, acmeBob, byCode, globex })
        {
            await sessions.CreateSessionAsync(s, new TranscriptTurn(1, s.StartedAt, Speaker.Customer, "Hello", 50, "annoyed", []));
        }
        await sessions.CreateCodeAsync(new SessionCode("12345678", "stressed-traveler", "hard", 5, null, T0, "o2"));

        Assert.Equal(byCode, await sessions.FindSessionAsync("s3"));
        Assert.Equal(["s3", "s2", "s1"], (await sessions.QuerySessionsAsync(new SessionQuery(OrganisationId: "o1"))).Sessions.Select(s => s.Id));
        var own = await sessions.QuerySessionsAsync(new SessionQuery(OrganisationId: "o1", AccountId: "a1"));
        Assert.Equal((1, "s1"), (own.Total, own.Sessions.Single().Id));
        Assert.Empty((await sessions.QuerySessionsAsync(new SessionQuery(OrganisationId: "o2", AccountId: "a1"))).Sessions);
        Assert.Equal("o2", (await sessions.FindCodeAsync("12345678"))!.OrganisationId);
    }

    [SkippableFact]
    public async Task A_database_from_before_organisations_gives_its_sessions_and_codes_to_the_default_organisation()
    {
        var (open, connect) = await NewDatabaseAsync();
        await using (var connection = await connect())
        {
            await SchemaMigrator.MigrateAsync(connection, Migrations.All.Where(m => m.Version <= 4).ToArray(), TimeProvider.System);
            await connection.ExecuteAsync("""
                INSERT INTO sessions (id, persona_id, persona_name, difficulty, seed, channel, started_at, outcome, starting_anger, mood_snapshot, turn_count)
                VALUES ('old', 'stressed-traveler', 'Dana', 'hard', 1, 'phone', '2026-01-02T03:04:05.0000000Z', 'in_progress', 60, '{}', 0);
                INSERT INTO session_codes (code, persona_id, difficulty, seed, created_at) VALUES ('87654321', 'abusive-caller', 'easy', 2, '2026-01-02T03:04:05.0000000Z');
                """);
        }
        var store = open();

        Assert.Equal(Organisations.DefaultId, (await ((ISessionStore)store).FindSessionAsync("old"))!.OrganisationId);
        Assert.Equal(Organisations.DefaultId, (await ((ISessionStore)store).FindCodeAsync("87654321"))!.OrganisationId);
        Assert.Equal(["old"], (await ((ISessionStore)store).QuerySessionsAsync(new SessionQuery(OrganisationId: Organisations.DefaultId))).Sessions.Select(s => s.Id));
    }

    [SkippableFact]
    public async Task The_account_service_locks_after_repeated_failures_and_a_reset_lets_the_owner_back_in()
    {
        var (accounts, _, _) = await FreshAsync();
        var time = new FakeTimeProvider(T0);
        var service = new AccountService(accounts, Options.Create(new AccountOptions { MaxFailedSignIns = 3, LockoutMinutes = 10 }), time);
        var (admin, organisation, _) = await service.CreateAsync("Acme", "admin@acme.test", Role.Admin, "admin-password");
        var invitation = await service.InviteAsync(Caller.Of(admin), "pat@acme.test", Role.Trainee);
        for (var i = 0; i < 3; i++) Assert.False((await service.SignInAsync("pat@acme.test", "wrong-password")).Succeeded);

        Assert.Equal(SignInStatus.LockedOut, (await service.SignInAsync("pat@acme.test", invitation.TemporaryPassword)).Status);
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.True((await service.SignInAsync("pat@acme.test", invitation.TemporaryPassword)).Succeeded);

        var (_, token) = await service.IssueTokenAsync("pat@acme.test", invitation.TemporaryPassword);
        Assert.NotNull(await service.AuthenticateTokenAsync(token!.Token));
        var newPassword = await service.ResetPasswordAsync(Caller.Of(admin), invitation.Account.Id);
        Assert.Null(await service.AuthenticateTokenAsync(token.Token));
        Assert.False((await service.SignInAsync("pat@acme.test", invitation.TemporaryPassword)).Succeeded);
        Assert.True((await service.SignInAsync("pat@acme.test", newPassword)).Succeeded);

        await service.DeactivateAsync(Caller.Of(admin), invitation.Account.Id);
        Assert.Equal(SignInStatus.Inactive, (await service.SignInAsync("pat@acme.test", newPassword)).Status);
        Assert.Equal(["admin@acme.test", "pat@acme.test"], (await service.ListAsync(Caller.Of(admin))).Select(a => a.Email));
        Assert.Equal(organisation.Id, invitation.Account.OrganisationId);

        // Another organisation's admin cannot touch Acme's accounts, nor learn they exist; a trainee manages nobody.
        var (other, _, _) = await service.CreateAsync("Globex", "boss@globex.test", Role.Admin, "boss-password");
        await Assert.ThrowsAsync<AccountNotFoundException>(() => service.ResetPasswordAsync(Caller.Of(other), invitation.Account.Id));
        await Assert.ThrowsAsync<AccountNotFoundException>(() => service.DeactivateAsync(Caller.Of(other), admin.Id));
        Assert.Equal(["boss@globex.test"], (await service.ListAsync(Caller.Of(other))).Select(a => a.Email));
        await Assert.ThrowsAsync<AccountAccessDeniedException>(() => service.InviteAsync(Caller.Of(invitation.Account), "x@acme.test", Role.Admin));
    }

    private static SessionRecord Session(string id, DateTimeOffset startedAt, string organisation, string? account) => new(
        id, "stressed-traveler", "Dana Whitfield", "hard", 1234, "web", account, null, startedAt, null,
        CallOutcome.InProgress, 50, """{"anger":50}""", TurnCount: 1, Anger: 50, Mood: "annoyed", OrganisationId: organisation, AccountId: account);
}
