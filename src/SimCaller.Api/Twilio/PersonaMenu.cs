using System.Text;
using SimCaller.Persona.Definitions;

namespace SimCaller.Api.Twilio;

/// <summary>
/// The "press 1 for ..." menu built from the persona catalog. Keys 1-8 pick a customer in catalog order;
/// 9 (or saying "code") asks for a session code. Speech may say the number or the customer's name.
/// </summary>
public static class PersonaMenu
{
    public const int MaxChoices = 8;
    public const string CodeKey = "9";

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    public static IReadOnlyList<PersonaDefinition> Choices(IReadOnlyList<PersonaDefinition> catalog) =>
        catalog.OrderBy(p => p.Id, StringComparer.Ordinal).Take(MaxChoices).ToList();

    public static string Prompt(IReadOnlyList<PersonaDefinition> choices)
    {
        var text = new StringBuilder("Welcome to SimCaller practice calls. ");
        for (var i = 0; i < choices.Count; i++)
        {
            var summary = string.IsNullOrWhiteSpace(choices[i].Summary) ? choices[i].Name : choices[i].Summary.TrimEnd('.');
            text.Append($"Press {i + 1} for {summary}. ");
        }
        text.Append($"Press {CodeKey} or say code to enter a session code.");
        return text.ToString();
    }

    public static IReadOnlyList<string> Hints(IReadOnlyList<PersonaDefinition> choices) =>
        [.. NumberWords[1..], "code", "session code", .. choices.Select(c => c.Name)];

    /// <summary>What the caller picked: a persona, the code entry (<see cref="MenuChoice.Code"/>), or nothing recognisable.</summary>
    public static MenuChoice Read(string? digits, string? speech, IReadOnlyList<PersonaDefinition> choices)
    {
        var key = digits?.Trim();
        if (string.IsNullOrEmpty(key) && speech is not null) key = KeyFromSpeech(speech, choices);
        if (key == CodeKey) return MenuChoice.Code;
        return int.TryParse(key, out var n) && n >= 1 && n <= choices.Count
            ? new MenuChoice(choices[n - 1], false)
            : MenuChoice.None;
    }

    private static string? KeyFromSpeech(string speech, IReadOnlyList<PersonaDefinition> choices)
    {
        var words = speech.ToLowerInvariant().Split([' ', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Contains("code")) return CodeKey;
        foreach (var word in words)
        {
            if (word.Length == 1 && char.IsAsciiDigit(word[0])) return word;
            var index = Array.IndexOf(NumberWords, word);
            if (index > 0) return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        for (var i = 0; i < choices.Count; i++)
        {
            var name = choices[i].Name.ToLowerInvariant();
            if (name.Length > 0 && (speech.Contains(name, StringComparison.OrdinalIgnoreCase) || words.Contains(name.Split(' ')[0])))
                return (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return null;
    }
}

public sealed record MenuChoice(PersonaDefinition? Persona, bool IsCode)
{
    public static readonly MenuChoice None = new(null, false);
    public static readonly MenuChoice Code = new(null, true);
}
