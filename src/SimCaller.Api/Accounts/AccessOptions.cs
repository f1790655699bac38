using System.Net;
using Microsoft.Extensions.Options;

namespace SimCaller.Api.Accounts;

/// <summary>
/// Configuration section "RateLimiting": how many requests one client address may make without an
/// account (entering a session code, signing in) per window, each counted on its own.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public int PermitLimit { get; set; } = 10;

    public double WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    public sealed class Validator : IValidateOptions<RateLimitOptions>
    {
        public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
        {
            var problems = new List<string>();
            if (options.PermitLimit is < 1 or > 1_000_000) problems.Add($"{Section}:PermitLimit must be 1 to 1000000, not {options.PermitLimit}.");
            if (options.WindowSeconds is < 1 or > 86_400) problems.Add($"{Section}:WindowSeconds must be 1 to 86400, not {options.WindowSeconds}.");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

/// <summary>
/// Configuration section "ForwardedHeaders": the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto
/// are believed. Empty (the default): the headers are ignored and the connection's own address is the
/// client's, so nobody can dodge the rate limit by sending the header themselves.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses ("10.0.0.5") or networks ("10.0.0.0/8", "fd00::/8").</summary>
    public List<string> TrustedProxies { get; set; } = [];

    public IReadOnlyList<IPAddress> Addresses() =>
        Entries().Where(p => !p.Contains('/')).Select(IPAddress.Parse).ToArray();

    public IReadOnlyList<IPNetwork> Networks() =>
        Entries().Where(p => p.Contains('/')).Select(p => IPNetwork.Parse(p)).ToArray();

    // Blank entries (an emptied environment variable) mean nothing.
    private IEnumerable<string> Entries() => TrustedProxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim());

    public sealed class Validator : IValidateOptions<TrustedProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
        {
            var bad = options.TrustedProxies
                .Where(p => !string.IsNullOrWhiteSpace(p))
                .Where(p => p.Contains('/') ? !IPNetwork.TryParse(p.Trim(), out _) : !IPAddress.TryParse(p.Trim(), out _))
                .ToArray();
            return bad.Length == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Section}:TrustedProxies must hold IP addresses or networks like 10.0.0.0/8; these are neither: {string.Join(", ", bad.Select(b => $"'{b}'"))}.");
        }
    }
}
