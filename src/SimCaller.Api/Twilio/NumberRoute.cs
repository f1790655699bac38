using Microsoft.Extensions.Configuration;

namespace SimCaller.Api.Twilio;

/// <summary>The customer behind one dialled number: a persona and optionally its difficulty.</summary>
public sealed class NumberRoute
{
    public string Persona { get; set; } = "";
    public string? Difficulty { get; set; }

    /// <summary>
    /// Digits only, so "+1 (555) 123-0001", "+15551230001" and "15551230001" match: a shell cannot export a
    /// variable named Twilio__Numbers__+1555..., and E.164 digits are unique without the plus.
    /// </summary>
    public static string Normalize(string number) => new(number.Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// Reads Twilio:Numbers, where each entry is either an object (Persona, Difficulty) or the short
    /// form "persona-id" / "persona-id:difficulty", which is handier in an environment variable.
    /// </summary>
    public static Dictionary<string, NumberRoute> ReadAll(IConfigurationSection numbers)
    {
        var routes = new Dictionary<string, NumberRoute>(StringComparer.Ordinal);
        foreach (var entry in numbers.GetChildren())
        {
            NumberRoute route;
            if (entry.Value is { Length: > 0 } shortForm)
            {
                var parts = shortForm.Split(':', 2, StringSplitOptions.TrimEntries);
                route = new NumberRoute { Persona = parts[0], Difficulty = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null };
            }
            else
            {
                route = new NumberRoute { Persona = entry["Persona"]?.Trim() ?? "", Difficulty = entry["Difficulty"]?.Trim() is { Length: > 0 } d ? d : null };
            }
            if (route.Persona.Length == 0)
                throw new InvalidOperationException($"Twilio:Numbers:{entry.Key} names no persona; give \"persona-id\", \"persona-id:difficulty\" or {{ Persona, Difficulty }}.");
            routes[entry.Key] = route;
        }
        return routes;
    }
}
