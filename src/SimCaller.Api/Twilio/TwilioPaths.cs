using System.Globalization;

namespace SimCaller.Api.Twilio;

/// <summary>Webhook paths. Counters travel in the query so every instance can serve every step.</summary>
public static class TwilioPaths
{
    public const string Group = "/twilio";
    public const string Voice = Group + "/voice";
    public const string Menu = Group + "/menu";
    public const string Code = Group + "/code";
    public const string Turn = Group + "/turn";
    public const string Status = Group + "/status";
    /// <summary>The ConversationRelay WebSocket (relay mode).</summary>
    public const string Relay = Group + "/relay";
    /// <summary>The &lt;Connect action&gt;: Twilio posts here when a relay session ends, and the call goes on with its TwiML.</summary>
    public const string RelayAction = Group + "/relay/action";

    /// <summary>Menu or code attempts before the call politely ends (keeps a silent line from looping forever).</summary>
    public const int MaxAttempts = 3;

    public static string VoiceAttempt(int attempt) => $"{Voice}?attempt={attempt.ToString(CultureInfo.InvariantCulture)}";

    public static string MenuAttempt(int attempt) => $"{Menu}?attempt={attempt.ToString(CultureInfo.InvariantCulture)}";

    public static string CodeAttempt(int attempt) => $"{Code}?attempt={attempt.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The Gather action for the trainee's turn number <paramref name="n"/> (1-based).</summary>
    public static string TurnNumber(int n, bool retry = false) =>
        $"{Turn}?n={n.ToString(CultureInfo.InvariantCulture)}" + (retry ? "&retry=1" : "");
}
