using System.Globalization;
using System.Xml.Linq;
using SimCaller.Speech.Prosody;

namespace SimCaller.Speech.Ssml;

/// <summary>
/// A whole SSML document for Azure text to speech
/// (https://learn.microsoft.com/azure/ai-services/speech-service/speech-synthesis-markup-voice):
/// the voice, an mstts:express-as style for the mood, and prosody rate/volume/pitch.
/// </summary>
public static class AzureSsml
{
    public static readonly XNamespace Synthesis = "http://www.w3.org/2001/10/synthesis";
    public static readonly XNamespace Mstts = "https://www.w3.org/2001/mstts";

    /// <param name="supportedStyles">The voice's StyleList from the voices list; when given, a style the
    /// voice lacks is left out instead of being sent. Null sends the mood's style as is.</param>
    public static string Build(string text, string voice, int anger, string language = "en-US", IReadOnlyCollection<string>? supportedStyles = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);

        var prosody = MoodProsody.For(anger, allowPitch: true);
        var spoken = prosody.Element(text, Synthesis);

        var style = prosody.Style;
        if (style is not null && supportedStyles is not null && !supportedStyles.Contains(style, StringComparer.OrdinalIgnoreCase))
            style = null;
        if (style is not null)
        {
            spoken = new XElement(Mstts + "express-as",
                new XAttribute("style", style),
                new XAttribute("styledegree", prosody.StyleDegree.ToString("0.##", CultureInfo.InvariantCulture)),
                spoken);
        }

        var speak = new XElement(Synthesis + "speak",
            new XAttribute("version", "1.0"),
            new XAttribute(XNamespace.Xmlns + "mstts", Mstts.NamespaceName),
            new XAttribute(XNamespace.Xml + "lang", language),
            new XElement(Synthesis + "voice", new XAttribute("name", voice), spoken));
        return speak.ToString(SaveOptions.DisableFormatting);
    }
}
