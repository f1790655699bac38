namespace SimCaller.Accounts;

/// <summary>An organisation: its accounts, sessions and codes are seen by nobody outside it.</summary>
public sealed record Organisation(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>A stored account.</summary>
/// <param name="Email">Normalised (trimmed, lower case); unique across the deployment, since sign-in is by email alone.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's <c>PasswordHasher</c> format (PBKDF2, salted, versioned).</param>
/// <param name="FailedSignIns">Failed sign-ins in a row; reset by a good one and by a lockout.</param>
/// <param name="LockedUntil">While in the future, sign-in is refused even with the right password.</param>
/// <param name="SecurityStamp">Changes when the password is reset or the account deactivated, so signed-in cookies stop working.</param>
public sealed record Account(
    string Id,
    string OrganisationId,
    string Email,
    Role Role,
    bool Active,
    string PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    string SecurityStamp,
    DateTimeOffset CreatedAt)
{
    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>Who is asking: a signed-in account, as the access rules see it.</summary>
public sealed record Caller(string AccountId, string OrganisationId, Role Role, string Email)
{
    public static Caller Of(Account account) => new(account.Id, account.OrganisationId, account.Role, account.Email);
}
