using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SimCaller.Accounts;

/// <summary>
/// Bearer secrets: 256 random bits, URL-safe, with a prefix that says what they are (so a leaked one is
/// recognised by secret scanners, and the server knows which table to look in). Only their SHA-256 is
/// stored; a fast hash suffices because the secret itself has full entropy, unlike a password.
/// </summary>
public static class Secrets
{
    /// <summary>Prefix of an account's bearer token from POST /api/auth/token.</summary>
    public const string AccountTokenPrefix = "sct_";

    /// <summary>Prefix of a call token: the right to continue one call started by code without an account.</summary>
    public const string CallTokenPrefix = "scc_";

    public static string NewAccountToken() => AccountTokenPrefix + Random();

    public static string NewCallToken() => CallTokenPrefix + Random();

    public static bool IsCallToken(string? token) => token?.StartsWith(CallTokenPrefix, StringComparison.Ordinal) == true;

    /// <summary>SHA-256 of the token, lower-case hex: what is stored and compared.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares a presented token with a stored hash in constant time.</summary>
    public static bool Matches(string? token, string? storedHash) =>
        token is { Length: > 0 } && storedHash is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>A password for an invited or reset account, for the admin to pass on: 96 random bits.</summary>
    public static string NewTemporaryPassword() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    private static string Random() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
