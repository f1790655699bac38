using SimCaller.Accounts;

namespace SimCaller.Storage.Rows;

/// <summary>A row of the accounts table.</summary>
public sealed class AccountRow
{
    public string Id { get; set; } = "";
    public string OrganisationId { get; set; } = "";
    public string Email { get; set; } = "";
    public string Role { get; set; } = "";
    public long Active { get; set; }
    public string PasswordHash { get; set; } = "";
    public long FailedSignIns { get; set; }
    public string? LockedUntil { get; set; }
    public string SecurityStamp { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    /// <summary>Only in token look-ups: the token's expiry.</summary>
    public string? ExpiresAt { get; set; }

    public static AccountRow From(Account account) => new()
    {
        Id = account.Id,
        OrganisationId = account.OrganisationId,
        Email = account.Email,
        Role = account.Role.ToId(),
        Active = account.Active ? 1 : 0,
        PasswordHash = account.PasswordHash,
        FailedSignIns = account.FailedSignIns,
        LockedUntil = account.LockedUntil is { } until ? RowMapping.FormatTime(until) : null,
        SecurityStamp = account.SecurityStamp,
        CreatedAt = RowMapping.FormatTime(account.CreatedAt),
    };

    public Account ToAccount() => new(
        Id,
        OrganisationId,
        Email,
        RoleIds.TryParse(Role, out var role) ? role : throw new InvalidDataException($"Account '{Id}' has an unknown role '{Role}'."),
        Active != 0,
        PasswordHash,
        (int)FailedSignIns,
        LockedUntil is null ? null : RowMapping.ParseTime(LockedUntil),
        SecurityStamp,
        RowMapping.ParseTime(CreatedAt));
}

/// <summary>A row of the organisations table.</summary>
public sealed class OrganisationRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string CreatedAt { get; set; } = "";

    public Organisation ToOrganisation() => new(Id, Name, RowMapping.ParseTime(CreatedAt));
}

/// <summary>Account queries, the same text for SQLite and PostgreSQL.</summary>
public static class AccountSql
{
    public const string SelectAccount = """
        SELECT a.id AS Id, a.organisation_id AS OrganisationId, a.email AS Email, a.role AS Role, a.active AS Active,
               a.password_hash AS PasswordHash, a.failed_sign_ins AS FailedSignIns, a.locked_until AS LockedUntil,
               a.security_stamp AS SecurityStamp, a.created_at AS CreatedAt
        FROM accounts a
        """;

    public const string SelectOrganisation = "SELECT id AS Id, name AS Name, created_at AS CreatedAt FROM organisations";

    public const string InsertOrganisation = """
        INSERT INTO organisations (id, name, created_at) VALUES (@Id, @Name, @CreatedAt)
        ON CONFLICT DO NOTHING
        """;

    public const string InsertAccount = """
        INSERT INTO accounts (id, organisation_id, email, role, active, password_hash, failed_sign_ins, locked_until, security_stamp, created_at)
        VALUES (@Id, @OrganisationId, @Email, @Role, @Active, @PasswordHash, @FailedSignIns, @LockedUntil, @SecurityStamp, @CreatedAt)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// One failure, counted by the database so concurrent failures all count; the one that reaches the limit
    /// locks the account and starts the count again.
    /// </summary>
    public const string RecordFailure = """
        UPDATE accounts SET
            locked_until = CASE WHEN failed_sign_ins + 1 >= @MaxFailures THEN @LockUntil ELSE locked_until END,
            failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @MaxFailures THEN 0 ELSE failed_sign_ins + 1 END
        WHERE id = @Id
        """;

    public const string ResetFailures = "UPDATE accounts SET failed_sign_ins = 0 WHERE id = @Id";

    public const string UpdateAccount = """
        UPDATE accounts SET role = @Role, active = @Active, password_hash = @PasswordHash, security_stamp = @SecurityStamp,
                            failed_sign_ins = 0, locked_until = NULL
        WHERE id = @Id
        """;

    public const string InsertToken = """
        INSERT INTO access_tokens (token_hash, account_id, created_at, expires_at) VALUES (@TokenHash, @AccountId, @CreatedAt, @ExpiresAt)
        """;

    public const string SelectToken = """
        SELECT a.id AS Id, a.organisation_id AS OrganisationId, a.email AS Email, a.role AS Role, a.active AS Active,
               a.password_hash AS PasswordHash, a.failed_sign_ins AS FailedSignIns, a.locked_until AS LockedUntil,
               a.security_stamp AS SecurityStamp, a.created_at AS CreatedAt, t.expires_at AS ExpiresAt
        FROM access_tokens t JOIN accounts a ON a.id = t.account_id
        WHERE t.token_hash = @TokenHash
        """;
}
