namespace SimCaller.Accounts;

/// <summary>What an account may do in its organisation.</summary>
public enum Role
{
    /// <summary>Manages the organisation's accounts; sees all its sessions.</summary>
    Admin,
    /// <summary>Reads and coaches the organisation's sessions.</summary>
    Trainer,
    /// <summary>Hands out codes and compares candidates' sessions.</summary>
    Hiring,
    /// <summary>Practises; sees only their own sessions.</summary>
    Trainee,
}

public static class RoleIds
{
    /// <summary>The ids used on the command line, in the API and in storage.</summary>
    public static IReadOnlyList<string> All { get; } = ["admin", "trainer", "hiring", "trainee"];

    public static string ToId(this Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Trainer => "trainer",
        Role.Hiring => "hiring",
        Role.Trainee => "trainee",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? id, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.ToId(), id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>Roles that see every session of their organisation (trainees see only their own).</summary>
    public static bool SeesOrganisationSessions(this Role role) => role is Role.Admin or Role.Trainer or Role.Hiring;
}
