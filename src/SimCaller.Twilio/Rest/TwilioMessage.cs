namespace SimCaller.Twilio.Rest;

/// <summary>The parts of a Message resource SimCaller reads back.</summary>
public sealed record TwilioMessage(string Sid, string? Status, string? To);
