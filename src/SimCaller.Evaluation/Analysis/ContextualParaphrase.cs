using System.Text.RegularExpressions;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// Spots a paraphrase the tables cannot: a "you ..." statement that echoes the customer's own words
/// (or the scenario's) and asks to confirm ("you were on the 7am to denver right").
/// </summary>
internal static partial class ContextualParaphrase
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "that", "this", "with", "have", "your", "you", "for", "are", "was", "were", "what", "when",
        "then", "they", "them", "there", "been", "from", "just", "about", "would", "could", "should", "will",
        "not", "but", "all", "can", "did", "does", "had", "has", "its", "into", "our", "out", "over", "really",
        "still", "some", "than", "very", "want", "need", "know", "like", "yes", "right", "correct", "yeah", "okay",
        "going", "because", "after", "before", "again", "now", "here", "their", "which", "where", "who", "how",
    };

    [GeneratedRegex(@"\byou(r)?\b")]
    private static partial Regex AddressesCustomer();

    [GeneratedRegex(@"\b(right|correct|yes|yeah|is that right|is that it|is it)$")]
    private static partial Regex ConfirmationTag();

    // A last sentence that opens like a question asks for something new ("have you tried restarting it?"),
    // whatever words it shares with the customer's: that is never a restatement of their problem.
    [GeneratedRegex(@"^(have|has|had|did|do|does|can|could|would|will|what|when|where|which|who|how|why|is|are|was|were|may|shall)\b")]
    private static partial Regex QuestionOpening();

    [GeneratedRegex(@"[.!?]+\s*(?=\S)")]
    private static partial Regex SentenceEnd();

    public static bool Applies(string original, string normalized, AnalysisContext? context)
    {
        if (context is null || !AddressesCustomer().IsMatch(normalized))
        {
            return false;
        }
        var asksToConfirm = ConfirmationTag().IsMatch(normalized) || original.TrimEnd().EndsWith('?');
        if (!asksToConfirm)
        {
            return false;
        }
        var lastSentence = TextNormalizer.Normalize(SentenceEnd().Split(original.Trim()).Last());
        if (QuestionOpening().IsMatch(lastSentence))
        {
            return false;
        }

        var mine = ContentWords(normalized);
        var echoed = context.PreviousCustomerLine is { } line
            ? ContentWords(TextNormalizer.Normalize(line)).Count(mine.Contains)
            : 0;
        var keywords = (context.ScenarioKeywords ?? [])
            .Select(k => TextNormalizer.Normalize(k))
            .Count(k => k.Length > 0 && normalized.Contains(k, StringComparison.Ordinal));
        return echoed >= 2 || keywords >= 1 && echoed >= 1 || keywords >= 2;
    }

    private static HashSet<string> ContentWords(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && !StopWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);
}
