namespace SimCaller.Twilio.Logging;

/// <summary>
/// Hides the middle of phone numbers before they reach logs: "+15551231212" becomes "+1555***1212".
/// Enough remains to tell calls apart without storing a caller's number.
/// </summary>
public static class PhoneNumberMasker
{
    private const string Hidden = "***";

    public static string Mask(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return "(none)";
        var trimmed = number.Trim();
        // Client identities or SIP addresses are not numbers; keep only their scheme.
        var colon = trimmed.IndexOf(':');
        if (colon > 0) return trimmed[..(colon + 1)] + Hidden;
        if (trimmed.Length < 9) return Hidden;
        return trimmed[..5] + Hidden + trimmed[^4..];
    }
}
