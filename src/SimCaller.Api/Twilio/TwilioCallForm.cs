using System.Text.RegularExpressions;

namespace SimCaller.Api.Twilio;

/// <summary>The voice webhook parameters SimCaller reads (https://www.twilio.com/docs/voice/twiml#request-parameters).</summary>
public sealed partial record TwilioCallForm(
    string CallSid,
    string? From,
    string? To,
    string? CallStatus,
    string? SpeechResult,
    string? Digits)
{
    /// <summary>Reads the form the signature filter has already parsed; a missing or malformed CallSid is an error
    /// message for a 400, never an exception.</summary>
    public static bool TryRead(IFormCollection form, out TwilioCallForm call, out string problem)
    {
        call = null!;
        var sid = form["CallSid"].ToString().Trim();
        if (sid.Length == 0)
        {
            problem = "CallSid is missing.";
            return false;
        }
        if (!CallSidPattern().IsMatch(sid))
        {
            problem = "CallSid must be 'CA' followed by 32 hex digits.";
            return false;
        }
        call = new TwilioCallForm(sid, Optional(form, "From"), Optional(form, "To"), Optional(form, "CallStatus"),
            Optional(form, "SpeechResult"), Optional(form, "Digits"));
        problem = "";
        return true;
    }

    private static string? Optional(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && value.ToString().Trim() is { Length: > 0 } text ? text : null;

    [GeneratedRegex("^CA[0-9a-fA-F]{32}$")]
    private static partial Regex CallSidPattern();
}
