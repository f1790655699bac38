using System.Text.Json;
using System.Text.Json.Serialization;

namespace SimCaller.Api.Twilio.Relay;

/// <summary>
/// What a relay session hands back to the call when it ends (the <c>end</c> message's handoffData, posted
/// to the &lt;Connect action&gt; as HandoffData): why it ended and the customer's closing line, which
/// the action's TwiML says before transferring or closing the call.
/// </summary>
public sealed record RelayHandoff(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("session_id")] string? SessionId,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("closing")] string? Closing)
{
    /// <summary>The conversation reached its end (resolved, hung up, escalated in words).</summary>
    public const string Ended = "ended";
    /// <summary>The trainee transferred the call with the keypad (0).</summary>
    public const string Transferred = "transferred";
    /// <summary>The trainee ended the call with the keypad (#).</summary>
    public const string HungUp = "hung_up";
    /// <summary>The WebSocket came for a call with no practice session.</summary>
    public const string NoSession = "no_session";

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The handoff, or null when the data is missing or not ours.</summary>
    public static RelayHandoff? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<RelayHandoff>(json) is { Reason.Length: > 0 } handoff ? handoff : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
