using System.Xml.Linq;
using SimCaller.Speech.Prosody;

namespace SimCaller.Speech.Ssml;

/// <summary>
/// SSML for Twilio's &lt;Say&gt; with Amazon Polly voices (https://www.twilio.com/docs/voice/twiml/say/text-speech#ssml).
/// Polly neural voices take prosody rate and volume only (no pitch, no emphasis); standard voices also take pitch.
/// Other voices (alice, Google.*) get the plain text, escaped, because their SSML support is unverified.
/// </summary>
public static class TwilioSsml
{
    /// <summary>The inner content of &lt;Say voice="{voiceName}"&gt;: an escaped, well-formed fragment.</summary>
    public static string Say(string text, int anger, string voiceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsPolly(voiceName)) return new XText(text).ToString();

        return MoodProsody.For(anger, allowPitch: !IsNeural(voiceName)).Element(text).ToString(SaveOptions.DisableFormatting);
    }

    public static bool IsPolly(string? voiceName) =>
        voiceName?.StartsWith("Polly.", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Neural and generative Polly voices reject pitch and emphasis.</summary>
    public static bool IsNeural(string? voiceName) =>
        voiceName is not null
        && (voiceName.EndsWith("-Neural", StringComparison.OrdinalIgnoreCase)
            || voiceName.EndsWith("-Generative", StringComparison.OrdinalIgnoreCase));
}
