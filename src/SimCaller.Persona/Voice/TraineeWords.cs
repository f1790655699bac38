using System.Text.RegularExpressions;
using SimCaller.Core.Text;
using SimCaller.Persona.Definitions;

namespace SimCaller.Persona.Voice;

/// <summary>
/// Reads what the trainee asked for, well enough for the offline engine. Works on raw
/// speech-to-text (no capitals, no punctuation) as well as typed text.
/// </summary>
public static partial class TraineeWords
{
    private static readonly string[] QuestionOpeners =
    [
        "what", "which", "when", "where", "who", "whose", "how", "can", "could", "would", "will",
        "do", "does", "did", "is", "are", "was", "were", "may", "have", "has", "tell", "give",
    ];

    /// <summary>True when the text asks something: a question mark, a question word up front, or "tell me ...".</summary>
    public static bool IsQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        if (text.Contains('?'))
        {
            return true;
        }
        var words = Words(text);
        // Skip fillers and courtesy so "um sorry what's your booking number" still reads as a question.
        var first = words.SkipWhile(w => w is "so" or "ok" or "and" or "sorry" or "please" or "right" or "all")
            .FirstOrDefault();
        return first is not null && QuestionOpeners.Contains(first);
    }

    /// <summary>True when the trainee asks whether the customer is a bot, an AI or a real person.</summary>
    public static bool AsksIfBot(string? text) => !string.IsNullOrWhiteSpace(text) && BotQuestion().IsMatch(text);

    /// <summary>
    /// The persona fact the text asks for, or null. Longer keyword phrases count for more ("what time do
    /// you need" beats "what time"); on a tie the keyword said first wins ("the name on the booking").
    /// </summary>
    public static Fact? MatchFact(string? text, IEnumerable<Fact> facts)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var padded = Padded(text);
        Fact? best = null;
        (int Words, int Position) bestScore = (0, 0);
        foreach (var fact in facts)
        {
            var score = (Words: 0, Position: int.MaxValue);
            foreach (var (_, words, at) in KeywordHits(padded, fact))
            {
                score = (score.Words + words, Math.Min(score.Position, at));
            }
            if (score.Words > bestScore.Words || (score.Words == bestScore.Words && score.Words > 0 && score.Position < bestScore.Position))
            {
                best = fact;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>
    /// The keyword (or topic) of <paramref name="fact"/> the text says, as written in the persona: the
    /// longest, on a tie the first said; null when it says none (a fact recognised by meaning alone).
    /// </summary>
    public static string? KeywordSaid(string? text, Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return string.IsNullOrWhiteSpace(text)
            ? null
            : KeywordHits(Padded(text), fact).OrderByDescending(h => h.Words).ThenBy(h => h.At).Select(h => h.Keyword).FirstOrDefault();
    }

    private static string Padded(string text) => " " + string.Join(' ', Words(text)) + " ";

    private static IEnumerable<(string Keyword, int Words, int At)> KeywordHits(string padded, Fact fact)
    {
        foreach (var keyword in fact.Keywords.Append(fact.Topic).Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            var words = Words(keyword);
            var at = words.Count == 0 ? -1 : padded.IndexOf(" " + string.Join(' ', words) + " ", StringComparison.Ordinal);
            if (at >= 0)
            {
                yield return (keyword.Trim(), words.Count, at);
            }
        }
    }

    /// <summary>
    /// True when the text contains the phrase as whole words, read the way the analyser reads speech
    /// (<see cref="TextNormalizer"/>: case, punctuation, contractions and fillers do not matter;
    /// "calm, um, down" says "calm down"; "relaxing" does not say "relax").
    /// </summary>
    public static bool Says(string? text, string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var wanted = TextNormalizer.Normalize(phrase);
        if (string.IsNullOrWhiteSpace(text) || wanted.Length == 0)
        {
            return false;
        }
        return (" " + TextNormalizer.Normalize(text) + " ").Contains(" " + wanted + " ", StringComparison.Ordinal);
    }

    /// <summary>
    /// The words as the analyser reads them (<see cref="TextNormalizer"/>): lowercase, no punctuation,
    /// contractions spelled out ("what's" is "what is"), fillers dropped, so the customer and the score
    /// never disagree about what was said.
    /// </summary>
    public static IReadOnlyList<string> Words(string text) =>
        TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"\b(?:are|r)\s+(?:you|u|ya)\s+(?:(?:a|an|even\s+a|actually\s+a|just\s+a)\s+)?(?:bot|robot|ai|a\.i\.|machine|computer|chatbot|recording|real|human|person)\b|\b(?:talking|speaking|chatting)\s+(?:to|with)\s+(?:a\s+|an\s+)?(?:bot|robot|ai|machine|computer|chatbot|real\s+person|human)\b|\b(?:you(?:'re|\s+are)|ur)\s+(?:a\s+|an\s+|just\s+a\s+)?(?:bot|robot|ai|chatbot)\b|\blanguage\s+model\b|\bchat\s?gpt\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex BotQuestion();
}
