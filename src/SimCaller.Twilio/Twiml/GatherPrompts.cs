using System.Xml.Linq;

namespace SimCaller.Twilio.Twiml;

/// <summary>What plays inside a &lt;Gather&gt; while Twilio listens (only Say, Play and Pause are allowed there).</summary>
public sealed class GatherPrompts
{
    private readonly XElement _gather;

    internal GatherPrompts(XElement gather) => _gather = gather;

    public GatherPrompts Say(string text, SayOptions? options = null)
    {
        _gather.Add(TwimlElements.Say(text, options));
        return this;
    }

    /// <inheritdoc cref="TwimlResponse.SaySsml"/>
    public GatherPrompts SaySsml(string ssmlFragment, SayOptions? options = null)
    {
        _gather.Add(TwimlElements.SaySsml(ssmlFragment, options));
        return this;
    }

    public GatherPrompts Play(string url, int? loop = null)
    {
        _gather.Add(TwimlElements.Play(url, loop));
        return this;
    }

    public GatherPrompts Pause(int seconds = 1)
    {
        if (seconds < 1) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Pause length must be at least 1 second.");
        _gather.Add(new XElement("Pause", new XAttribute("length", seconds)));
        return this;
    }
}
