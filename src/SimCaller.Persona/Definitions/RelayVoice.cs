namespace SimCaller.Persona.Definitions;

/// <summary>
/// The customer's voice on a streaming phone call (Twilio ConversationRelay): a text-to-speech provider
/// and one of its voices. Left empty, the provider and voice follow the persona's Polly voice
/// (<see cref="VoiceSettings.Twilio"/>), so a persona sounds the same in both phone modes.
/// </summary>
public sealed class RelayVoice
{
    public const string Google = "google";
    public const string Amazon = "amazon";
    public const string ElevenLabs = "elevenlabs";

    public static IReadOnlyList<string> Providers { get; } = [Google, Amazon, ElevenLabs];

    /// <summary>google, amazon or elevenlabs (case does not matter).</summary>
    public string Provider { get; set; } = "";

    /// <summary>The provider's voice name: Google "en-US-Neural2-F", Amazon "Joanna-Neural", ElevenLabs "VOICEID[-model][-speed_stability_similarity]".</summary>
    public string Voice { get; set; } = "";

    /// <summary>The provider and voice to use: as written, or derived from a Polly voice ("Polly.Amy" is Amazon "Amy-Neural").</summary>
    public (string Provider, string Voice) Resolve(VoiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Provider.Trim().Length > 0)
        {
            return (Provider.Trim().ToLowerInvariant(), Voice.Trim());
        }
        var polly = settings.Twilio?.Trim() ?? "";
        if (polly.StartsWith("Polly.", StringComparison.Ordinal) && polly.Length > "Polly.".Length)
        {
            var name = polly["Polly.".Length..];
            // ConversationRelay offers Amazon's neural and generative voices, not the standard ones.
            return (Amazon, name.Contains('-') ? name : name + "-Neural");
        }
        return ("", "");
    }

    /// <summary>Whether this provider reads SSML inside streamed text (Google and Amazon do; ElevenLabs only &lt;phoneme&gt;).</summary>
    public static bool ReadsSsml(string provider) => provider is Google or Amazon;

    /// <summary>The spelling ConversationRelay's ttsProvider attribute uses.</summary>
    public static string TwilioName(string provider) => provider switch
    {
        Google => "Google",
        Amazon => "Amazon",
        ElevenLabs => "ElevenLabs",
        _ => provider,
    };
}
