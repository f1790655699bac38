namespace SimCaller.Accounts;

/// <summary>
/// Where organisations, accounts and bearer tokens live (the same database as the sessions). Each method
/// is atomic; a failing database is reported as the store's own exception, as for sessions.
/// </summary>
public interface IAccountStore
{
    Task<Organisation?> FindOrganisationAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The organisation of this name (names are unique, compared as typed after trimming).</summary>
    Task<Organisation?> FindOrganisationByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Stores a new organisation; false when the name or id is taken.</summary>
    Task<bool> CreateOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default);

    /// <summary>Stores a new account; false when its email is taken.</summary>
    Task<bool> CreateAccountAsync(Account account, CancellationToken cancellationToken = default);

    Task<Account?> FindAccountAsync(string id, CancellationToken cancellationToken = default);

    /// <param name="email">Normalised (see <see cref="Account.Email"/>).</param>
    Task<Account?> FindAccountByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>The organisation's accounts by email.</summary>
    Task<IReadOnlyList<Account>> ListAccountsAsync(string organisationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one failed sign-in in the database itself (two failures at once both count). When the count
    /// reaches <paramref name="maxFailures"/> the account is locked until <paramref name="lockUntil"/> and the count starts again.
    /// </summary>
    /// <returns>The account after the failure, or null when it is gone.</returns>
    Task<Account?> RecordFailedSignInAsync(string accountId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken = default);

    /// <summary>A good sign-in: the failure count starts again.</summary>
    Task ResetFailedSignInsAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the password hash, active flag, role and security stamp, clears any lockout, and
    /// drops the account's bearer tokens when <paramref name="revokeTokens"/>.</summary>
    Task<bool> UpdateAccountAsync(Account account, bool revokeTokens, CancellationToken cancellationToken = default);

    /// <param name="tokenHash">SHA-256 (hex) of the bearer token; the token itself is never stored.</param>
    Task StoreTokenAsync(string tokenHash, string accountId, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>The account a bearer token was issued to, with the token's expiry; null for an unknown token.</summary>
    Task<(Account Account, DateTimeOffset ExpiresAt)?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Removes tokens that expired before <paramref name="now"/>.</summary>
    Task<int> DeleteExpiredTokensAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
