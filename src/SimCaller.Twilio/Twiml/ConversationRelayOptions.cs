namespace SimCaller.Twilio.Twiml;

/// <summary>
/// &lt;Connect&gt;&lt;ConversationRelay&gt; (https://www.twilio.com/docs/voice/twiml/connect/conversationrelay).
/// Written by hand: Twilio's own library lower-cases some attributes and types
/// reportInputDuringAgentSpeech as a bool, while the service takes none|dtmf|speech|any.
/// </summary>
public sealed record ConversationRelayOptions
{
    /// <summary>The WebSocket (wss://, no query string: the upgrade's signature covers the URL alone).</summary>
    public required string Url { get; init; }

    /// <summary>Where Twilio posts when the session ends (SessionStatus, HandoffData); its TwiML carries the call on.</summary>
    public string? Action { get; init; }

    /// <summary>Google, Amazon or ElevenLabs.</summary>
    public string? TtsProvider { get; init; }
    public string? Voice { get; init; }
    public string? Language { get; init; }
    public string? WelcomeGreeting { get; init; }

    /// <summary>What may interrupt the agent (the customer here): none, dtmf, speech or any.</summary>
    public string Interruptible { get; init; } = "any";

    /// <summary>What the caller says or keys while the agent speaks is delivered (none, dtmf, speech, any).</summary>
    public string ReportInputDuringAgentSpeech { get; init; } = "any";

    /// <summary>Twilio masks swearing by default; off, so abuse reaches the analyser.</summary>
    public bool ProfanityFilter { get; init; }

    /// <summary>Prompts with last:false while the caller is still speaking.</summary>
    public bool PartialPrompts { get; init; } = true;

    public bool DtmfDetection { get; init; } = true;

    public IReadOnlyList<string> Hints { get; init; } = [];
}
