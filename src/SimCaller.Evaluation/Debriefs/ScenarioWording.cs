using System.Text.RegularExpressions;
using SimCaller.Core.Calls;

namespace SimCaller.Evaluation.Debriefs;

/// <summary>
/// The call's own scenario turned into phrases an agent could say to this customer: the persona file's
/// third-person problem ("Dana's flight was cancelled") becomes "your flight was cancelled". Every piece
/// is null when the transcript does not carry it, and the coaching then falls back to wording that
/// belongs to no customer's world.
/// </summary>
internal sealed partial class ScenarioWording
{
    private static readonly HashSet<string> Adverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "only", "still", "also", "just", "really", "never", "always", "now", "already", "even",
    };

    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.OrdinalIgnoreCase)
    {
        "paid", "sent", "given", "put", "made", "done", "brought", "got", "taken", "set", "kept", "found", "seen", "told",
    };

    private const int MaxClause = 150;

    public ScenarioWording(CallScenario? scenario, string? personaName)
    {
        var names = (personaName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = names.Length > 0 ? names[0] : null;
        var full = names.Length > 1 ? string.Join(' ', names) : null;
        string? Say(string? text) => Clause(text) is { } clause ? SecondPerson(clause, first, full) : null;

        Problem = Say(scenario?.Problem);
        Need = Lower(Say(scenario?.Need));
        PartialNeed = Lower(Say(scenario?.PartialNeed));
        Company = Clean(scenario?.Company);
        FirstFact = Lower(Clean(scenario?.FirstFact));
    }

    /// <summary>What went wrong, said to the customer, lower-case start: "your broadband has been dead for six days".</summary>
    public string? Problem { get; }

    /// <summary>What resolves the call, as something to get the customer: "rebooked on a confirmed seat ...".</summary>
    public string? Need { get; }

    public string? PartialNeed { get; }

    public string? Company { get; }

    /// <summary>The first detail the customer can give, e.g. "booking reference".</summary>
    public string? FirstFact { get; }

    /// <summary>"what you need is X" or, when X is a participle ("rebooked on ..."), "what you need is to be X".</summary>
    public string? NeedAsObject => Need is null ? null
        : StartsWithParticiple(Need) ? "to be " + Need : Need;

    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Whitespace().Replace(text, " ").Trim();

    // The first sentence, without asides in brackets or the closing full stop.
    private static string? Clause(string? text)
    {
        var clean = Clean(text);
        if (clean is null)
        {
            return null;
        }
        var sentence = SentenceEnd().Split(clean)[0];
        sentence = Bracketed().Replace(sentence, "");
        sentence = sentence.Trim().TrimEnd('.', '!', ';', ':', ',').Trim();
        // An example line has to be sayable: a long sentence is cut at its last clause break that fits.
        if (sentence.Length > MaxClause)
        {
            var cut = ClauseBreak().Matches(sentence[..MaxClause]).LastOrDefault();
            sentence = cut is { Index: > 20 } ? sentence[..cut.Index] : sentence;
        }
        return sentence.Length == 0 ? null : sentence;
    }

    private static string SecondPerson(string text, string? firstName, string? fullName)
    {
        foreach (var name in new[] { fullName, firstName }.Where(n => !string.IsNullOrEmpty(n)))
        {
            text = Regex.Replace(text, $@"\b{Regex.Escape(name!)}'s\b", "your");
            text = Regex.Replace(text, $@"\b{Regex.Escape(name!)}\b", "you");
        }
        // A problem told in the customer's own voice ("My order never came") is turned the same way.
        text = Regex.Replace(text, @"\bI'm\b|\bI am\b", "you're");
        text = Regex.Replace(text, @"\bI was\b", "you were");
        text = Regex.Replace(text, @"\bI\b", "you");
        text = Regex.Replace(text, @"\bmyself\b", "yourself", RegexOptions.IgnoreCase);
        text = Regex.Replace(text, @"\bmy\b", "your", RegexOptions.IgnoreCase);
        text = Regex.Replace(text, @"\bme\b", "you", RegexOptions.IgnoreCase);
        text = Regex.Replace(text, @"\b(she|he)'s\b", "you're", RegexOptions.IgnoreCase);
        text = Regex.Replace(text, @"\b(she|he) (is|was|has|does)\b", m => "you " + m.Groups[2].Value.ToLowerInvariant() switch
        {
            "is" => "are",
            "was" => "were",
            "has" => "have",
            _ => "do",
        }, RegexOptions.IgnoreCase);
        // "she only wants" -> "you only want": the verb after the pronoun loses its third-person s.
        text = Regex.Replace(text, @"\b(she|he) (\w+)(?: (\w+))?", m =>
        {
            var next = m.Groups[2].Value;
            var after = m.Groups[3].Success ? m.Groups[3].Value : null;
            return Adverbs.Contains(next) && after is not null
                ? $"you {next} {BaseForm(after)}"
                : $"you {BaseForm(next)}{(after is null ? "" : " " + after)}";
        }, RegexOptions.IgnoreCase);
        text = Regex.Replace(text, @"\b(herself|himself)\b", "yourself", RegexOptions.IgnoreCase);
        text = Regex.Replace(text, @"\bhis\b", "your", RegexOptions.IgnoreCase);
        // "her" before a noun is possessive ("her calls"); at the end of a clause it is the object.
        text = Regex.Replace(text, @"\bher\b(?=\s+[a-z0-9])", "your", RegexOptions.IgnoreCase);
        text = Regex.Replace(text, @"\b(her|him)\b", "you", RegexOptions.IgnoreCase);
        text = Regex.Replace(text, @"\b(she|he)\b", "you", RegexOptions.IgnoreCase);
        return Lower(text)!;
    }

    private static string BaseForm(string verb)
    {
        var lower = verb.ToLowerInvariant();
        if (lower is "is" or "was" or "has" or "does" || !lower.EndsWith('s') || lower.EndsWith("ss"))
        {
            return verb;
        }
        if (lower.EndsWith("ies") && lower.Length > 4)
        {
            return verb[..^3] + "y";
        }
        if (lower.EndsWith("ches") || lower.EndsWith("shes") || lower.EndsWith("sses") || lower.EndsWith("xes"))
        {
            return verb[..^2];
        }
        return verb[..^1];
    }

    // Lower-case the first letter unless the first word is a name or an acronym ("Denver", "SK").
    private static string? Lower(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var firstWord = text.Split(' ')[0];
        var looksCommon = firstWord.Length > 0 && char.IsUpper(firstWord[0]) && firstWord.Skip(1).All(c => !char.IsUpper(c))
            && (firstWord.Length <= 1 || !char.IsDigit(firstWord[1]));
        return looksCommon && firstWord is not "I" ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static bool StartsWithParticiple(string text)
    {
        var word = text.Split(' ')[0].ToLowerInvariant();
        return word.Length > 3 && word.EndsWith("ed") || IrregularParticiples.Contains(word);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""'])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@",\s|\s(?:and|but|so|because|while|although)\s|;\s")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
