namespace SimCaller.Api.Twilio;

/// <summary>The "Twilio" configuration section (env: Twilio__AuthToken, ...).</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>Reads the section by hand: Numbers entries come in two shapes the binder cannot mix.</summary>
    public void Load(IConfigurationSection section)
    {
        AccountSid = section["AccountSid"]?.Trim() ?? "";
        AuthToken = section["AuthToken"]?.Trim() ?? "";
        PublicBaseUrl = section["PublicBaseUrl"]?.Trim() ?? "";
        SmsFrom = section["SmsFrom"]?.Trim() ?? "";
        SupervisorNumber = section["SupervisorNumber"]?.Trim() ?? "";
        Numbers = NumberRoute.ReadAll(section.GetSection("Numbers"));
        var mode = section["Voice:Mode"]?.Trim().ToLowerInvariant();
        VoiceMode = mode switch
        {
            null or "" or GatherMode => GatherMode,
            RelayMode => RelayMode,
            _ => throw new InvalidOperationException($"Twilio:Voice:Mode must be '{GatherMode}' or '{RelayMode}', not '{section["Voice:Mode"]}'."),
        };
        // The WebSocket URL is written into the TwiML and signed by Twilio as written, and Twilio only dials wss://.
        if (UsesRelay && !PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Twilio:Voice:Mode=relay needs Twilio:PublicBaseUrl set to the public https:// address (a tunnel or proxy), not '{PublicBaseUrl}'.");
        if (PublicBaseUrl.Length > 0 && !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
            throw new InvalidOperationException($"Twilio:PublicBaseUrl must be an absolute URL such as https://simcaller.example.org, not '{PublicBaseUrl}'.");
    }

    /// <summary>Twilio:Voice:Mode: turn by turn with &lt;Gather&gt; (the default).</summary>
    public const string GatherMode = "gather";
    /// <summary>Twilio:Voice:Mode: streaming over ConversationRelay, interruptions both ways.</summary>
    public const string RelayMode = "relay";

    public string VoiceMode { get; set; } = GatherMode;

    public bool UsesRelay => VoiceMode == RelayMode;

    public string AccountSid { get; set; } = "";
    /// <summary>Signs every webhook; without it every webhook is refused.</summary>
    public string AuthToken { get; set; } = "";
    /// <summary>The URL Twilio calls (tunnel or proxy address), e.g. https://simcaller.example.org.
    /// Signatures cover the public URL, not the one the server sees.</summary>
    public string PublicBaseUrl { get; set; } = "";
    /// <summary>Number the debrief link is texted from; no texts when empty.</summary>
    public string SmsFrom { get; set; } = "";
    /// <summary>Where an escalated call is transferred; when empty the simulation just ends.</summary>
    public string SupervisorNumber { get; set; } = "";
    /// <summary>Dialled number (E.164) to the customer that answers it.</summary>
    public Dictionary<string, NumberRoute> Numbers { get; set; } = new(StringComparer.Ordinal);

    public bool CanSendSms => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken) && !string.IsNullOrWhiteSpace(SmsFrom);

    /// <summary>The absolute URL for a path on this service, as Twilio and the trainee's phone see it.</summary>
    public string Absolute(string pathAndQuery) => PublicBaseUrl.TrimEnd('/') + pathAndQuery;

    /// <summary>The ConversationRelay WebSocket URL (wss:// on the public base), written into the TwiML and signed by Twilio as written.</summary>
    public string RelayUrl => "wss://" + PublicBaseUrl.TrimEnd('/')["https://".Length..] + TwilioPaths.Relay;

    public NumberRoute? RouteFor(string? dialled)
    {
        if (string.IsNullOrWhiteSpace(dialled)) return null;
        var key = NumberRoute.Normalize(dialled);
        if (key.Length == 0) return null;
        foreach (var (number, route) in Numbers)
        {
            if (NumberRoute.Normalize(number) == key) return route;
        }
        return null;
    }
}
