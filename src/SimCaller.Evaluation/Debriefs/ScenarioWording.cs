using System.Text.RegularExpressions;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;

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
        _coaching = scenario?.Coaching;
    }

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>>? _coaching;

    /// <summary>What went wrong, said to the customer, lower-case start: "your broadband has been dead for six days".</summary>
    public string? Problem { get; }

    /// <summary>What resolves the call, as something to get the customer: "rebooked on a confirmed seat ...".</summary>
    public string? Need { get; }

    public string? PartialNeed { get; }

    public string? Company { get; }

    /// <summary>The first detail the customer can give, e.g. "booking reference".</summary>
    public string? FirstFact { get; }

    /// <summary>The persona file's own example line for a technique, if it wrote one.</summary>
    public string? OwnExample(Technique technique) =>
        _coaching is not null && _coaching.TryGetValue(technique.ToId(), out var lines) && lines.Count > 0 ? lines[0] : null;

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
        var names = new[] { fullName, firstName }.Where(n => !string.IsNullOrEmpty(n)).Select(n => Regex.Escape(n!)).ToArray();
        if (names.Length > 0)
        {
            text = Regex.Replace(text, $@"\b(?:{string.Join('|', names)})('s)?\b", m => m.Groups[1].Success ? "your" : "you");
        }
        // A problem told in the customer's own voice ("My order never came") is turned the same way.
        text = FirstPersonAm().Replace(text, "you're");
        text = FirstPersonWas().Replace(text, "you were");
        text = FirstPersonI().Replace(text, "you");
        text = Myself().Replace(text, "yourself");
        text = My().Replace(text, "your");
        text = Me().Replace(text, "you");
        text = PronounIsContracted().Replace(text, "you're");
        text = PronounAuxiliary().Replace(text, m => "you " + m.Groups[2].Value.ToLowerInvariant() switch
        {
            "is" => "are",
            "was" => "were",
            "has" => "have",
            _ => "do",
        });
        // "she only wants" -> "you only want": the verb after the pronoun loses its third-person s.
        text = PronounVerb().Replace(text, m =>
        {
            var next = m.Groups[2].Value;
            var after = m.Groups[3].Success ? m.Groups[3].Value : null;
            return Adverbs.Contains(next) && after is not null
                ? $"you {next} {BaseForm(after)}"
                : $"you {BaseForm(next)}{(after is null ? "" : " " + after)}";
        });
        text = Reflexive().Replace(text, "yourself");
        text = His().Replace(text, "your");
        // "her" before a noun is possessive ("her calls"); at the end of a clause it is the object.
        text = HerPossessive().Replace(text, "your");
        text = ObjectPronoun().Replace(text, "you");
        text = SubjectPronoun().Replace(text, "you");
        return Lower(text)!;
    }

    [GeneratedRegex(@"\bI'm\b|\bI am\b")]
    private static partial Regex FirstPersonAm();

    [GeneratedRegex(@"\bI was\b")]
    private static partial Regex FirstPersonWas();

    [GeneratedRegex(@"\bI\b")]
    private static partial Regex FirstPersonI();

    [GeneratedRegex(@"\bmyself\b", RegexOptions.IgnoreCase)]
    private static partial Regex Myself();

    [GeneratedRegex(@"\bmy\b", RegexOptions.IgnoreCase)]
    private static partial Regex My();

    [GeneratedRegex(@"\bme\b", RegexOptions.IgnoreCase)]
    private static partial Regex Me();

    [GeneratedRegex(@"\b(she|he)'s\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounIsContracted();

    [GeneratedRegex(@"\b(she|he) (is|was|has|does)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounAuxiliary();

    [GeneratedRegex(@"\b(she|he) (\w+)(?: (\w+))?", RegexOptions.IgnoreCase)]
    private static partial Regex PronounVerb();

    [GeneratedRegex(@"\b(herself|himself)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reflexive();

    [GeneratedRegex(@"\bhis\b", RegexOptions.IgnoreCase)]
    private static partial Regex His();

    [GeneratedRegex(@"\bher\b(?=\s+[a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex HerPossessive();

    [GeneratedRegex(@"\b(her|him)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectPronoun();

    [GeneratedRegex(@"\b(she|he)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectPronoun();

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
