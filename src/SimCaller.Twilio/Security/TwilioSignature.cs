using System.Security.Cryptography;
using System.Text;

namespace SimCaller.Twilio.Security;

/// <summary>
/// X-Twilio-Signature for form-encoded webhooks (https://www.twilio.com/docs/usage/webhooks/webhooks-security):
/// HMAC-SHA1, keyed by the auth token, over the full URL followed by every POST parameter as name+value
/// with names in ordinal order; base64.
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(form);

        var data = new StringBuilder(url);
        // Repeated names keep a deterministic order by value, as Twilio's libraries sort them too.
        foreach (var (name, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }
        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// True when <paramref name="signature"/> matches the URL as given, or with the scheme's default port
    /// added or removed (Twilio signs whichever form it was configured with). Comparison is constant-time.
    /// </summary>
    public static bool Validate(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(url) || string.IsNullOrEmpty(signature)) return false;
        var parameters = form.ToList();
        var expected = Encoding.UTF8.GetBytes(signature);
        var matched = false;
        foreach (var candidate in UrlVariants(url))
        {
            var actual = Encoding.UTF8.GetBytes(Compute(authToken, candidate, parameters));
            // No early exit either: every variant is checked.
            matched |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        return matched;
    }

    /// <summary>The URL as given plus the same URL with its default port toggled.</summary>
    internal static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) yield break;
        var defaultPort = uri.Scheme switch
        {
            "https" or "wss" => 443,
            "http" or "ws" => 80,
            _ => -1,
        };
        if (defaultPort < 0 || uri.Port != defaultPort) yield break;

        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = url.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = pathStart < 0 ? url[authorityStart..] : url[authorityStart..pathStart];
        var rest = pathStart < 0 ? "" : url[pathStart..];
        var portSuffix = ":" + defaultPort;
        var toggled = authority.EndsWith(portSuffix, StringComparison.Ordinal)
            ? authority[..^portSuffix.Length]
            : authority + portSuffix;
        yield return url[..authorityStart] + toggled + rest;
    }
}
