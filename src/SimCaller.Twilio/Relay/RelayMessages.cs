using System.Text.Json;

namespace SimCaller.Twilio.Relay;

/// <summary>A message Twilio sends on a ConversationRelay WebSocket (https://www.twilio.com/docs/voice/conversationrelay/websocket-messages).</summary>
public abstract record RelayInbound;

/// <summary>The session starts (first message). <paramref name="CallStatus"/> is RINGING, or IN_PROGRESS on a reconnect.</summary>
public sealed record RelaySetup(
    string SessionId,
    string CallSid,
    string? AccountSid,
    string? From,
    string? To,
    string? CallStatus,
    IReadOnlyDictionary<string, string> CustomParameters) : RelayInbound;

/// <summary>What the caller said: with partial prompts on, the words so far (<paramref name="Last"/> false), then the whole utterance.</summary>
public sealed record RelayPrompt(string VoicePrompt, bool Last, string? Lang) : RelayInbound;

/// <summary>The caller spoke over the agent: <paramref name="UtteranceUntilInterrupt"/> is what the agent had said by then.</summary>
public sealed record RelayInterrupt(string UtteranceUntilInterrupt, int? DurationUntilInterruptMs) : RelayInbound;

public sealed record RelayDtmf(string Digit) : RelayInbound;

/// <summary>Twilio reports a problem with something the app sent.</summary>
public sealed record RelayError(string Description) : RelayInbound;

/// <summary>Speaker events and the like (name, value), only logged.</summary>
public sealed record RelayInfo(string? Name, string? Value) : RelayInbound;

/// <summary>Messages the app sends: streamed text and the end of the session.</summary>
public static class RelayOutbound
{
    /// <summary>One piece of the agent's line. <paramref name="last"/> true on the final piece (an empty one ends a line).</summary>
    public static byte[] Text(string token, bool last, bool? interruptible = null, bool? preemptible = null, string? lang = null) =>
        Write(w =>
        {
            w.WriteString("type", "text");
            w.WriteString("token", token);
            w.WriteBoolean("last", last);
            if (lang is not null) w.WriteString("lang", lang);
            if (interruptible is { } i) w.WriteBoolean("interruptible", i);
            if (preemptible is { } p) w.WriteBoolean("preemptible", p);
        });

    /// <summary>Ends the session; Twilio posts <paramref name="handoffData"/> (a JSON string) to the &lt;Connect action&gt; URL as HandoffData.</summary>
    public static byte[] End(string handoffData) =>
        Write(w =>
        {
            w.WriteString("type", "end");
            w.WriteString("handoffData", handoffData);
        });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
