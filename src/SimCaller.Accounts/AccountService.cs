using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SimCaller.Practice;

namespace SimCaller.Accounts;

/// <summary>How a sign-in went. Channels show one message for every failure, so nobody learns which emails exist.</summary>
public enum SignInStatus
{
    Succeeded,
    /// <summary>Unknown email or wrong password.</summary>
    Failed,
    /// <summary>Too many failures in a row: refused until <see cref="SignInResult.LockedUntil"/>, even with the right password.</summary>
    LockedOut,
    /// <summary>The account was deactivated by an admin.</summary>
    Inactive,
}

public sealed record SignInResult(SignInStatus Status, Account? Account = null, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Status == SignInStatus.Succeeded;
}

/// <summary>A bearer token just issued; the token itself is only ever in this answer.</summary>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt, Caller Caller);

/// <summary>An account made by an admin, with the password to pass on to its owner.</summary>
public sealed record Invitation(Account Account, string TemporaryPassword);

/// <summary>
/// Accounts for every channel (the CLI's `users add`, the API, the pages): sign-in with ASP.NET Core's
/// password hashing and lockout, bearer tokens, and the admin's work (invite, deactivate, reset, list).
/// Everything an admin does is limited to the admin's own organisation; another organisation's account
/// is reported as not found.
/// </summary>
public sealed class AccountService
{
    private const int MaxEmailLength = 254;
    private const int MaxPasswordLength = 256;

    private readonly IAccountStore _store;
    private readonly PasswordHasher<Account> _hasher = new();
    private readonly AccountOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AccountService> _logger;
    private readonly Lazy<string> _decoyHash;

    public AccountService(IAccountStore store, IOptions<AccountOptions> options, TimeProvider time, ILogger<AccountService>? logger = null)
    {
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger ?? NullLogger<AccountService>.Instance;
        // An unknown email is checked against this, so it costs as much time as a wrong password.
        _decoyHash = new Lazy<string>(() => _hasher.HashPassword(null!, Secrets.NewTemporaryPassword()));
    }

    public AccountOptions Options => _options;

    /// <summary>Trimmed and lower case: emails are compared this way everywhere.</summary>
    public static string NormaliseEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>Checks email and password; counts failures and locks the account after too many in a row.</summary>
    public async Task<SignInResult> SignInAsync(string? email, string? password, CancellationToken ct = default)
    {
        var normalised = NormaliseEmail(email);
        var account = normalised.Length is > 0 and <= MaxEmailLength ? await _store.FindAccountByEmailAsync(normalised, ct) : null;
        var now = _time.GetUtcNow();
        if (account is null || string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength)
        {
            _hasher.VerifyHashedPassword(null!, _decoyHash.Value, password ?? "");
            return new SignInResult(SignInStatus.Failed);
        }
        if (account.IsLockedOut(now))
        {
            return new SignInResult(SignInStatus.LockedOut, account, account.LockedUntil);
        }
        var verified = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            var after = await _store.RecordFailedSignInAsync(account.Id, _options.MaxFailedSignIns, now + _options.Lockout, ct);
            if (after?.IsLockedOut(now) == true)
            {
                _logger.LogWarning("Account {AccountId} locked until {Until} after {Count} failed sign-ins", account.Id, after.LockedUntil, _options.MaxFailedSignIns);
                return new SignInResult(SignInStatus.LockedOut, after, after.LockedUntil);
            }
            return new SignInResult(SignInStatus.Failed);
        }
        if (!account.Active)
        {
            return new SignInResult(SignInStatus.Inactive, account);
        }
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account = account with { PasswordHash = _hasher.HashPassword(account, password) };
            await _store.UpdateAccountAsync(account, revokeTokens: false, ct);
        }
        else if (account.FailedSignIns > 0)
        {
            await _store.ResetFailedSignInsAsync(account.Id, ct);
        }
        return new SignInResult(SignInStatus.Succeeded, account with { FailedSignIns = 0 });
    }

    /// <summary>Signs in and issues a bearer token; null token when the sign-in failed (see the result's status).</summary>
    public async Task<(SignInResult Result, IssuedToken? Token)> IssueTokenAsync(string? email, string? password, CancellationToken ct = default)
    {
        var result = await SignInAsync(email, password, ct);
        if (!result.Succeeded)
        {
            return (result, null);
        }
        var token = Secrets.NewAccountToken();
        var now = _time.GetUtcNow();
        // Expired tokens are swept here, where tokens are made, so the table stays the size of the signed-in users.
        await _store.DeleteExpiredTokensAsync(now, ct);
        // Whole seconds: the expiry is shown as ISO 8601 and compared after a round trip through the database.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + _options.TokenLifetime).ToUnixTimeSeconds());
        await _store.StoreTokenAsync(Secrets.Hash(token), result.Account!.Id, now, expiresAt, ct);
        return (result, new IssuedToken(token, expiresAt, Caller.Of(result.Account)));
    }

    /// <summary>The caller a bearer token stands for; null when it is unknown, expired, or its account is deactivated.</summary>
    public async Task<Caller?> AuthenticateTokenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(Secrets.AccountTokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }
        return await _store.FindTokenAsync(Secrets.Hash(token), ct) is { } found
               && found.ExpiresAt > _time.GetUtcNow() && found.Account.Active
            ? Caller.Of(found.Account)
            : null;
    }

    /// <summary>
    /// For a signed-in cookie: the account, if it is still active and its security stamp unchanged
    /// (a password reset or deactivation signs it out everywhere).
    /// </summary>
    public async Task<Caller?> ValidateSessionAsync(string accountId, string securityStamp, CancellationToken ct = default) =>
        await _store.FindAccountAsync(accountId, ct) is { Active: true } account && account.SecurityStamp == securityStamp
            ? Caller.Of(account)
            : null;

    public Task<Account?> FindAsync(string accountId, CancellationToken ct = default) => _store.FindAccountAsync(accountId, ct);

    /// <summary>
    /// Makes an account in the organisation of this name, creating the organisation when it is new
    /// (how the first admin of an organisation is made, by `simcaller users add`).
    /// </summary>
    /// <exception cref="AccountException">Bad email or password, or the email is taken.</exception>
    public async Task<(Account Account, Organisation Organisation, bool OrganisationCreated)> CreateAsync(
        string organisationName, string email, Role role, string password, CancellationToken ct = default)
    {
        var name = (organisationName ?? "").Trim();
        if (name.Length is 0 or > 100)
        {
            throw new AccountException("The organisation name must be 1 to 100 characters.");
        }
        var (normalised, hash) = Prepare(email, password);
        var created = false;
        var organisation = await _store.FindOrganisationByNameAsync(name, ct);
        if (organisation is null)
        {
            var fresh = new Organisation(Secrets.NewId(), name, _time.GetUtcNow());
            created = await _store.CreateOrganisationAsync(fresh, ct);
            // Lost a race with another `users add` for the same new name: use theirs.
            organisation = created ? fresh : await _store.FindOrganisationByNameAsync(name, ct)
                ?? throw new AccountException($"Could not create the organisation '{name}'.");
        }
        var account = await StoreNewAsync(organisation.Id, normalised, role, hash, ct);
        return (account, organisation, created);
    }

    /// <summary>An admin makes an account in their own organisation, with a temporary password to pass on.</summary>
    public async Task<Invitation> InviteAsync(Caller admin, string email, Role role, CancellationToken ct = default)
    {
        RequireAdmin(admin);
        var password = Secrets.NewTemporaryPassword();
        var (normalised, hash) = Prepare(email, password);
        var account = await StoreNewAsync(admin.OrganisationId, normalised, role, hash, ct);
        _logger.LogInformation("Account {AccountId} ({Role}) invited by {AdminId}", account.Id, role.ToId(), admin.AccountId);
        return new Invitation(account, password);
    }

    /// <summary>An admin deactivates an account of their organisation: it cannot sign in, and its tokens and cookies stop working.</summary>
    public async Task<Account> DeactivateAsync(Caller admin, string accountId, CancellationToken ct = default)
    {
        RequireAdmin(admin);
        if (accountId == admin.AccountId)
        {
            throw new AccountException("You cannot deactivate your own account; ask another admin.");
        }
        var account = await RequireInOrganisationAsync(admin, accountId, ct);
        var changed = account with { Active = false, SecurityStamp = Secrets.NewId() };
        await _store.UpdateAccountAsync(changed, revokeTokens: true, ct);
        _logger.LogInformation("Account {AccountId} deactivated by {AdminId}", accountId, admin.AccountId);
        return changed;
    }

    /// <summary>
    /// An admin resets an account's password (to <paramref name="newPassword"/>, or a generated one): any
    /// lockout is lifted, the account is active again, and its tokens and cookies stop working.
    /// </summary>
    /// <returns>The password now in force, to pass on.</returns>
    public async Task<string> ResetPasswordAsync(Caller admin, string accountId, string? newPassword = null, CancellationToken ct = default)
    {
        RequireAdmin(admin);
        var account = await RequireInOrganisationAsync(admin, accountId, ct);
        var password = string.IsNullOrEmpty(newPassword) ? Secrets.NewTemporaryPassword() : newPassword;
        CheckPassword(password);
        var changed = account with
        {
            PasswordHash = _hasher.HashPassword(account, password),
            Active = true,
            SecurityStamp = Secrets.NewId(),
        };
        await _store.UpdateAccountAsync(changed, revokeTokens: true, ct);
        _logger.LogInformation("Password of account {AccountId} reset by {AdminId}", accountId, admin.AccountId);
        return password;
    }

    /// <summary>The accounts of the admin's organisation.</summary>
    public Task<IReadOnlyList<Account>> ListAsync(Caller admin, CancellationToken ct = default)
    {
        RequireAdmin(admin);
        return _store.ListAccountsAsync(admin.OrganisationId, ct);
    }

    public Task<Organisation?> FindOrganisationAsync(string organisationId, CancellationToken ct = default) =>
        _store.FindOrganisationAsync(organisationId, ct);

    private (string Email, string Hash) Prepare(string email, string password)
    {
        var normalised = NormaliseEmail(email);
        var at = normalised.IndexOf('@');
        if (normalised.Length > MaxEmailLength || at <= 0 || at == normalised.Length - 1 || normalised.Any(char.IsWhiteSpace))
        {
            throw new AccountException($"'{email}' is not an email address.");
        }
        CheckPassword(password);
        return (normalised, _hasher.HashPassword(null!, password));
    }

    private void CheckPassword(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < _options.MinPasswordLength)
        {
            throw new AccountException($"The password must be at least {_options.MinPasswordLength} characters.");
        }
        if (password.Length > MaxPasswordLength)
        {
            throw new AccountException($"The password must be at most {MaxPasswordLength} characters.");
        }
    }

    private async Task<Account> StoreNewAsync(string organisationId, string email, Role role, string hash, CancellationToken ct)
    {
        var account = new Account(Secrets.NewId(), organisationId, email, role, Active: true, hash, 0, null, Secrets.NewId(), _time.GetUtcNow());
        if (!await _store.CreateAccountAsync(account, ct))
        {
            throw new DuplicateEmailException(email);
        }
        return account;
    }

    private async Task<Account> RequireInOrganisationAsync(Caller admin, string accountId, CancellationToken ct) =>
        await _store.FindAccountAsync(accountId ?? "", ct) is { } account && account.OrganisationId == admin.OrganisationId
            ? account
            : throw new AccountNotFoundException(accountId ?? "");

    private static void RequireAdmin(Caller caller)
    {
        if (caller.Role != Role.Admin)
        {
            throw new AccountAccessDeniedException("Only an organisation admin may manage accounts.");
        }
    }
}
