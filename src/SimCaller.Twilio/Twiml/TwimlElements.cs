using System.Xml;
using System.Xml.Linq;

namespace SimCaller.Twilio.Twiml;

/// <summary>Elements shared by the response root and &lt;Gather&gt;.</summary>
internal static class TwimlElements
{
    public static XElement Say(string text, SayOptions? options)
    {
        ArgumentNullException.ThrowIfNull(text);
        var say = SayShell(options);
        say.Add(text);
        return say;
    }

    public static XElement SaySsml(string ssmlFragment, SayOptions? options)
    {
        ArgumentNullException.ThrowIfNull(ssmlFragment);
        XElement wrapper;
        try
        {
            wrapper = XElement.Parse("<ssml>" + ssmlFragment + "</ssml>", LoadOptions.PreserveWhitespace);
        }
        catch (XmlException ex)
        {
            throw new ArgumentException($"SSML fragment is not well-formed XML: {ex.Message}", nameof(ssmlFragment), ex);
        }
        var say = SayShell(options);
        say.Add(wrapper.Nodes());
        return say;
    }

    public static XElement Play(string url, int? loop)
    {
        TwimlResponse.RequireText(url, nameof(url));
        var play = new XElement("Play", url);
        if (loop is { } l) play.Add(new XAttribute("loop", l));
        return play;
    }

    private static XElement SayShell(SayOptions? options)
    {
        var say = new XElement("Say");
        if (options?.Voice is { Length: > 0 } voice) say.Add(new XAttribute("voice", voice));
        if (options?.Language is { Length: > 0 } language) say.Add(new XAttribute("language", language));
        if (options?.Loop is { } loop) say.Add(new XAttribute("loop", loop));
        return say;
    }
}
