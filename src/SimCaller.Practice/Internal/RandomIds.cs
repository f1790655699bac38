using System.Buffers.Text;
using System.Security.Cryptography;

namespace SimCaller.Practice.Internal;

/// <summary>Identifiers drawn from the system's cryptographic generator.</summary>
internal static class RandomIds
{
    /// <summary>About 79 random bits as 16 letters and digits without look-alikes (no i, l, o, 0, 1): easy to copy.</summary>
    public static string SessionId()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return string.Create(16, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    /// <summary>128 random bits, URL-safe base64: the debrief link's secret.</summary>
    public static string Token() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Eight digits, so a caller can key the code in on a phone.</summary>
    public static string Code() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A seed small enough to read out and type back.</summary>
    public static int Seed() => RandomNumberGenerator.GetInt32(1, 1_000_000);
}
