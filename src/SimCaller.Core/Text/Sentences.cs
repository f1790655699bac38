using System.Text.RegularExpressions;

namespace SimCaller.Core.Text;

/// <summary>
/// A trainee's turn in sentences. Agents often say two or three things in one turn ("Thanks for calling.
/// That sounds like a rough week, I'm sorry."), and a single sentence vector of the whole turn blurs them:
/// the analyser and the customer read each sentence on its own. Speech-to-text without punctuation stays
/// one piece.
/// </summary>
public static partial class Sentences
{
    /// <summary>The sentences of <paramref name="text"/>, trimmed, none empty; the whole text (trimmed) when it has one.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }
        var parts = Break().Split(trimmed).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
        return parts.Length == 0 ? [trimmed] : parts;
    }

    // After . ! ? (and any closing quote or bracket) and a space; not after a title or a common abbreviation
    // ("Mr. Shah", "e.g. a refund"), which would cut a sentence in two.
    [GeneratedRegex(@"(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|St|Prof|No|vs|etc|approx|e\.g|i\.e)\.)(?<=[.!?…][""'”’)\]]*)\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex Break();
}
