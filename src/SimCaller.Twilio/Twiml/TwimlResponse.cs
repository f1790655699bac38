using System.Xml;
using System.Xml.Linq;

namespace SimCaller.Twilio.Twiml;

/// <summary>
/// Builds a TwiML voice &lt;Response&gt; (https://www.twilio.com/docs/voice/twiml).
/// Elements are built with XLinq so every caller-supplied string is XML-escaped; SSML goes through
/// <see cref="SaySsml"/>, which only accepts a well-formed fragment.
/// </summary>
public sealed class TwimlResponse
{
    /// <summary>Twilio expects text/xml or application/xml.</summary>
    public const string ContentType = "text/xml; charset=utf-8";

    private readonly XElement _root = new("Response");

    /// <summary>Speaks plain text (escaped).</summary>
    public TwimlResponse Say(string text, SayOptions? options = null)
    {
        _root.Add(TwimlElements.Say(text, options));
        return this;
    }

    /// <summary>Speaks an SSML fragment (Polly tags such as prosody, break, s) inside &lt;Say&gt;.</summary>
    /// <exception cref="ArgumentException">The fragment is not well-formed XML.</exception>
    public TwimlResponse SaySsml(string ssmlFragment, SayOptions? options = null)
    {
        _root.Add(TwimlElements.SaySsml(ssmlFragment, options));
        return this;
    }

    /// <summary>Plays audio from a URL (mp3 or wav).</summary>
    public TwimlResponse Play(string url, int? loop = null)
    {
        _root.Add(TwimlElements.Play(url, loop));
        return this;
    }

    /// <summary>Listens for speech and/or keys while the nested prompts play
    /// (https://www.twilio.com/docs/voice/twiml/gather).</summary>
    public TwimlResponse Gather(GatherOptions options, Action<GatherPrompts>? prompts = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var gather = options.ToElement();
        if (prompts is not null)
        {
            var nested = new GatherPrompts(gather);
            prompts(nested);
        }
        _root.Add(gather);
        return this;
    }

    /// <summary>Hands control to another TwiML URL.</summary>
    public TwimlResponse Redirect(string url, string method = "POST")
    {
        RequireText(url, nameof(url));
        _root.Add(new XElement("Redirect", new XAttribute("method", method), url));
        return this;
    }

    public TwimlResponse Pause(int seconds = 1)
    {
        if (seconds < 1) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Pause length must be at least 1 second.");
        _root.Add(new XElement("Pause", new XAttribute("length", seconds)));
        return this;
    }

    public TwimlResponse Hangup()
    {
        _root.Add(new XElement("Hangup"));
        return this;
    }

    /// <summary>Transfers the caller to a number (https://www.twilio.com/docs/voice/twiml/dial).</summary>
    public TwimlResponse Dial(string number, string? callerId = null, int? timeoutSeconds = null)
    {
        RequireText(number, nameof(number));
        var dial = new XElement("Dial");
        if (callerId is not null) dial.Add(new XAttribute("callerId", callerId));
        if (timeoutSeconds is { } t) dial.Add(new XAttribute("timeout", t));
        dial.Add(new XElement("Number", number));
        _root.Add(dial);
        return this;
    }

    /// <summary>Hands the call to a ConversationRelay WebSocket until the session ends; then Twilio posts to the action.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute wss:// URL without a query string.</exception>
    public TwimlResponse ConnectConversationRelay(ConversationRelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme != "wss" || url.Query.Length > 0)
        {
            throw new ArgumentException($"ConversationRelay needs an absolute wss:// URL without a query string, not '{options.Url}'.", nameof(options));
        }
        var relay = new XElement("ConversationRelay", new XAttribute("url", options.Url));
        void Optional(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) relay.Add(new XAttribute(name, value));
        }
        Optional("welcomeGreeting", options.WelcomeGreeting);
        Optional("ttsProvider", options.TtsProvider);
        Optional("voice", options.Voice);
        Optional("language", options.Language);
        relay.Add(
            new XAttribute("interruptible", options.Interruptible),
            new XAttribute("reportInputDuringAgentSpeech", options.ReportInputDuringAgentSpeech),
            new XAttribute("profanityFilter", options.ProfanityFilter ? "true" : "false"),
            new XAttribute("partialPrompts", options.PartialPrompts ? "true" : "false"),
            new XAttribute("dtmfDetection", options.DtmfDetection ? "true" : "false"));
        var hints = GatherOptions.CleanHints(options.Hints);
        Optional("hints", hints);
        var connect = new XElement("Connect");
        if (!string.IsNullOrWhiteSpace(options.Action))
        {
            connect.Add(new XAttribute("action", options.Action), new XAttribute("method", "POST"));
        }
        connect.Add(relay);
        _root.Add(connect);
        return this;
    }

    /// <summary>The document, with an XML declaration, ready to send.</summary>
    public string ToXml()
    {
        var doc = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(_root));
        using var writer = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(writer, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = false }))
        {
            doc.Save(xml);
        }
        return writer.ToString();
    }

    public override string ToString() => ToXml();

    internal static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} must not be empty.", name);
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
