using System.Security.Cryptography;
using System.Text;

namespace SimCaller.Practice.Internal;

/// <summary>Content hashes that say whether two sessions were played against the same data.</summary>
internal static class Fingerprint
{
    /// <summary>SHA-256 of the UTF-8 text, lowercase hex; null for no text.</summary>
    public static string? Of(string? text) =>
        text is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
