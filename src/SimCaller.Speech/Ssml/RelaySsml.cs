using System.Xml.Linq;
using SimCaller.Speech.Prosody;

namespace SimCaller.Speech.Ssml;

/// <summary>
/// The customer's words as a streamed ConversationRelay text token, with the mood in the voice where the
/// provider allows it: Google and Amazon read SSML inside a token, so each piece goes out wrapped in
/// &lt;prosody&gt; (Amazon neural and generative voices: rate and volume only; Google: pitch too);
/// ElevenLabs reads only &lt;phoneme&gt;, so its tokens are plain text and its voice does not follow the mood.
/// Google's Journey and Chirp voices read no SSML at all and get plain text too.
/// </summary>
public static class RelaySsml
{
    /// <param name="provider">google, amazon or elevenlabs (lower case), or empty for Twilio's default voice.</param>
    public static string Token(string text, int anger, string provider, string? voice)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0 || !ReadsProsody(provider, voice)) return text;
        return MoodProsody.For(anger, allowPitch: provider == "google").Element(text).ToString(SaveOptions.DisableFormatting);
    }

    public static bool ReadsProsody(string provider, string? voice) => provider switch
    {
        "amazon" => true,
        "google" => voice is null || !(voice.Contains("-Journey", StringComparison.Ordinal) || voice.Contains("-Chirp", StringComparison.Ordinal)),
        _ => false,
    };
}
