using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SimCaller.Twilio.Relay;

/// <summary>
/// Reads one ConversationRelay message. Never throws on bad input: a message that is not JSON, has no
/// known type or misses a field comes back as a reason, for the log and the garbage count.
/// Field names and shapes: shared/reference/protocols.md section 6 (durationUntilInterruptMs arrives
/// both as a number and as a string).
/// </summary>
public static partial class RelayParser
{
    public static bool TryParse(ReadOnlySpan<byte> utf8, out RelayInbound? message, out string problem)
    {
        message = null;
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 16 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            problem = $"not JSON ({ex.Message})";
            return false;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}";
                return false;
            }
            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                problem = "no \"type\"";
                return false;
            }
            var type = typeElement.GetString()!;
            problem = "";
            switch (type)
            {
                case "setup":
                    return Setup(root, out message, out problem);
                case "prompt":
                    if (!String(root, "voicePrompt", out var prompt, ref problem) || !OptionalBool(root, "last", true, out var last, ref problem)) return false;
                    message = new RelayPrompt(prompt, last, OptionalString(root, "lang"));
                    return true;
                case "interrupt":
                    if (!String(root, "utteranceUntilInterrupt", out var heard, ref problem) || !Duration(root, out var duration, ref problem)) return false;
                    message = new RelayInterrupt(heard, duration);
                    return true;
                case "dtmf":
                    if (!String(root, "digit", out var digit, ref problem)) return false;
                    if (!DigitPattern().IsMatch(digit))
                    {
                        problem = $"\"digit\" must be one key (0-9, *, #, A-D), not \"{Shorten(digit)}\"";
                        return false;
                    }
                    message = new RelayDtmf(digit);
                    return true;
                case "error":
                    message = new RelayError(OptionalString(root, "description") ?? "(no description)");
                    return true;
                case "info":
                    message = new RelayInfo(OptionalString(root, "name"), root.TryGetProperty("value", out var v) ? v.ToString() : null);
                    return true;
                default:
                    problem = $"unknown type \"{Shorten(type)}\"";
                    return false;
            }
        }
    }

    private static bool Setup(JsonElement root, out RelayInbound? message, out string problem)
    {
        message = null;
        problem = "";
        if (!String(root, "callSid", out var callSid, ref problem)) return false;
        if (!CallSidPattern().IsMatch(callSid))
        {
            problem = "\"callSid\" must be CA followed by 32 hex digits";
            return false;
        }
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("customParameters", out var custom) && custom.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in custom.EnumerateObject()) parameters[p.Name] = p.Value.ToString();
        }
        message = new RelaySetup(OptionalString(root, "sessionId") ?? "", callSid, OptionalString(root, "accountSid"),
            OptionalString(root, "from"), OptionalString(root, "to"), OptionalString(root, "callStatus"), parameters);
        return true;
    }

    private static bool String(JsonElement root, string name, out string value, ref string problem)
    {
        if (root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return true;
        }
        value = "";
        problem = element.ValueKind == JsonValueKind.Undefined ? $"no \"{name}\"" : $"\"{name}\" must be a string";
        return false;
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static bool OptionalBool(JsonElement root, string name, bool missing, out bool value, ref string problem)
    {
        value = missing;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                value = false;
                return true;
            case JsonValueKind.String when bool.TryParse(element.GetString(), out var parsed):
                value = parsed;
                return true;
            default:
                problem = $"\"{name}\" must be true or false";
                return false;
        }
    }

    private static bool Duration(JsonElement root, out int? duration, ref string problem)
    {
        duration = null;
        if (!root.TryGetProperty("durationUntilInterruptMs", out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var number) && number is >= 0 and <= int.MaxValue)
        {
            duration = (int)number;
            return true;
        }
        if (element.ValueKind == JsonValueKind.String
            && double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var text) && text is >= 0 and <= int.MaxValue)
        {
            duration = (int)text;
            return true;
        }
        problem = "\"durationUntilInterruptMs\" must be a number of milliseconds (a number or a numeric string)";
        return false;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^CA[0-9a-fA-F]{32}$")]
    private static partial Regex CallSidPattern();

    [GeneratedRegex("^[0-9*#A-Dw]$")]
    private static partial Regex DigitPattern();
}
