using Microsoft.Extensions.Options;

namespace SimCaller.Accounts;

/// <summary>Configuration section "Accounts": lockout, token lifetime and password rules.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public double LockoutMinutes { get; set; } = 15;

    /// <summary>How long a bearer token from POST /api/auth/token is good for.</summary>
    public double TokenLifetimeHours { get; set; } = 12;

    /// <summary>Shortest password accepted.</summary>
    public int MinPasswordLength { get; set; } = 8;

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);

    public TimeSpan TokenLifetime => TimeSpan.FromHours(TokenLifetimeHours);

    public sealed class Validator : IValidateOptions<AccountOptions>
    {
        public ValidateOptionsResult Validate(string? name, AccountOptions options)
        {
            var problems = new List<string>();
            if (options.MaxFailedSignIns is < 1 or > 100) problems.Add($"{Section}:MaxFailedSignIns must be 1 to 100, not {options.MaxFailedSignIns}.");
            if (options.LockoutMinutes is <= 0 or > 24 * 60) problems.Add($"{Section}:LockoutMinutes must be above 0 and at most 1440, not {options.LockoutMinutes}.");
            if (options.TokenLifetimeHours is <= 0 or > 24 * 30) problems.Add($"{Section}:TokenLifetimeHours must be above 0 and at most 720, not {options.TokenLifetimeHours}.");
            if (options.MinPasswordLength is < 8 or > 128) problems.Add($"{Section}:MinPasswordLength must be 8 to 128, not {options.MinPasswordLength}.");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
