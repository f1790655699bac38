namespace SimCaller.Core.Text;

/// <summary>
/// When a trainee line counts as said before. One rule for the customer (who reacts to it) and the
/// debrief (which gives no credit for it), so the two never disagree: a line of three or more words
/// whose words overlap 80% or more with one of the trainee's last <see cref="Window"/> lines, both read
/// through <see cref="TextNormalizer"/>. Short replies ("yes", "okay") are fine to say twice.
/// </summary>
public static class RepeatRule
{
    /// <summary>How many of the trainee's latest (non-silent) lines a repeat is looked for in.</summary>
    public const int Window = 6;

    private const int MinWords = 3;
    private const double Overlap = 0.8;

    /// <param name="earlier">The trainee's earlier lines, oldest first (raw or normalised; silences are skipped).</param>
    public static bool IsRepeat(string? text, IEnumerable<string> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var words = Words(text);
        if (words.Count < MinWords)
        {
            return false;
        }
        return earlier
            .Select(Words)
            .Where(w => w.Count > 0)
            .TakeLast(Window)
            .Any(other => words.Intersect(other).Count() >= Overlap * words.Union(other).Count());
    }

    private static HashSet<string> Words(string? text) =>
        TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
