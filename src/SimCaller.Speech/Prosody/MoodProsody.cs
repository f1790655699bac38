using System.Globalization;
using System.Xml.Linq;
using static SimCaller.Core.Moods.MoodBands;

namespace SimCaller.Speech.Prosody;

/// <summary>
/// How an angry customer sounds: faster and louder as anger rises, and with Azure an expressive style
/// (friendly when calm, then unfriendly, angry, shouting) whose degree climbs with anger.
/// </summary>
/// <param name="Rate">SSML prosody rate, e.g. "110%".</param>
/// <param name="Volume">SSML prosody volume, e.g. "+4dB".</param>
/// <param name="Pitch">SSML prosody pitch, e.g. "+8%"; null when the voice cannot take pitch.</param>
/// <param name="Style">Azure mstts:express-as style; null for the voice's neutral delivery.</param>
/// <param name="StyleDegree">Azure styledegree, 0.01-2.</param>
public sealed record MoodProsody(string Rate, string Volume, string? Pitch, string? Style, double StyleDegree)
{
    /// <param name="anger">0-100; values outside are clamped.</param>
    /// <param name="allowPitch">Only some voices accept pitch (Polly neural voices do not).</param>
    public static MoodProsody For(int anger, bool allowPitch = true)
    {
        anger = Math.Clamp(anger, 0, 100);
        // Rate and volume rise smoothly so neighbouring anger values sound alike.
        var rate = 95 + (int)Math.Round(anger * 0.22);          // 95% .. 117%
        var volume = (int)Math.Round(-2 + anger * 0.08);         // -2dB .. +6dB (Polly's recommended ceiling)
        var pitch = (int)Math.Round(-4 + anger * 0.16);          // -4% .. +12%

        var (style, degree) = anger switch
        {
            < AnnoyedFrom => ("friendly", 1.0),
            < AngryFrom => ("unfriendly", Degree(anger, AnnoyedFrom, AngryFrom)),
            < FuriousFrom => ("angry", Degree(anger, AngryFrom, FuriousFrom)),
            _ => ("shouting", Degree(anger, FuriousFrom, 101)),
        };

        return new MoodProsody(
            rate.ToString(CultureInfo.InvariantCulture) + "%",
            Signed(volume) + "dB",
            allowPitch ? Signed(pitch) + "%" : null,
            style,
            degree);
    }

    /// <summary>The SSML &lt;prosody&gt; element around <paramref name="content"/>: rate, volume, and pitch when the voice takes it.</summary>
    /// <param name="ns">The SSML namespace where the document declares one (Azure), none for Twilio's fragments.</param>
    public XElement Element(object content, XNamespace? ns = null)
    {
        var element = new XElement((ns ?? XNamespace.None) + "prosody",
            new XAttribute("rate", Rate),
            new XAttribute("volume", Volume));
        if (Pitch is not null) element.Add(new XAttribute("pitch", Pitch));
        element.Add(content);
        return element;
    }

    /// <summary>0.8 at the start of a band up to 2.0 at its end.</summary>
    private static double Degree(int anger, int from, int to) =>
        Math.Round(0.8 + 1.2 * (anger - from) / (to - 1 - from), 2);

    private static string Signed(int value) =>
        (value >= 0 ? "+" : "") + value.ToString(CultureInfo.InvariantCulture);
}
