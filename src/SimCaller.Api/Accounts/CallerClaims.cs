using System.Security.Claims;
using SimCaller.Accounts;

namespace SimCaller.Api.Accounts;

/// <summary>How a <see cref="Caller"/> travels in a <see cref="ClaimsPrincipal"/>, for bearer tokens and cookies alike.</summary>
public static class CallerClaims
{
    public const string AccountId = "sub";
    public const string OrganisationId = "org";
    public const string Role = "role";
    public const string Email = "email";
    /// <summary>In cookies only: the account's security stamp when the cookie was issued.</summary>
    public const string SecurityStamp = "stamp";
    /// <summary>The call token presented instead of an account (it may continue one call, nothing else).</summary>
    public const string CallToken = "call_token";

    public static ClaimsPrincipal Principal(Caller caller, string authenticationType, string? securityStamp = null)
    {
        var claims = new List<Claim>
        {
            new(AccountId, caller.AccountId),
            new(OrganisationId, caller.OrganisationId),
            new(Role, caller.Role.ToId()),
            new(Email, caller.Email),
        };
        if (securityStamp is not null)
        {
            claims.Add(new Claim(SecurityStamp, securityStamp));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, Email, Role));
    }

    public static ClaimsPrincipal CallTokenPrincipal(string callToken, string authenticationType) =>
        new(new ClaimsIdentity([new Claim(CallToken, callToken)], authenticationType));

    /// <summary>The signed-in account, or null for anonymous callers and call-token holders.</summary>
    public static Caller? Caller(this ClaimsPrincipal user) =>
        user.FindFirst(AccountId)?.Value is { } id
        && user.FindFirst(OrganisationId)?.Value is { } organisation
        && RoleIds.TryParse(user.FindFirst(Role)?.Value, out var role)
            ? new Caller(id, organisation, role, user.FindFirst(Email)?.Value ?? "")
            : null;

    /// <summary>The call token presented as the bearer token, if any.</summary>
    public static string? CallTokenOf(this ClaimsPrincipal user) => user.FindFirst(CallToken)?.Value;
}
