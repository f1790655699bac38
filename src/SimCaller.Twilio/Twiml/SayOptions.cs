namespace SimCaller.Twilio.Twiml;

/// <summary>Attributes of &lt;Say&gt;: voice (e.g. Polly.Joanna-Neural) and language (e.g. en-US).</summary>
public sealed record SayOptions(string? Voice = null, string? Language = null, int? Loop = null);
