using SimCaller.Core.Text;

namespace SimCaller.Persona.Definitions;

/// <summary>
/// Reads a trainee's offer against a persona's needs: which keyword of a list it says, which parts of a
/// several-part core need it offers, which parts are still missing. Text is read as the analyser reads
/// speech (<see cref="TextNormalizer"/>); a keyword matches from the start of a word, so "rebook" also
/// hears "rebooked".
/// </summary>
public static class NeedMatching
{
    /// <summary>True when the core need takes all of several parts (<see cref="Needs.CoreParts"/>).</summary>
    public static bool IsAllOf(this Needs needs) => needs.CoreParts.Count > 0;

    /// <summary>The first keyword the text says, or null.</summary>
    public static string? FirstHit(string? text, IEnumerable<string> keywords)
    {
        var padded = " " + TextNormalizer.Normalize(text) + " ";
        return keywords.FirstOrDefault(k =>
            TextNormalizer.Normalize(k) is { Length: > 0 } key && padded.Contains(" " + key, StringComparison.Ordinal));
    }

    /// <summary>Parts of the core need the text offers, each with the keyword that offered it, in file order.</summary>
    public static IReadOnlyList<(string Part, string Keyword)> PartsOffered(this Needs needs, string? text) =>
        needs.CoreParts
            .Select(part => (part.Name.Trim(), Keyword: FirstHit(text, part.Keywords)))
            .Where(hit => hit.Keyword is not null)
            .Select(hit => (hit.Item1, hit.Keyword!))
            .ToArray();

    /// <summary>Names of the parts not yet met, in file order; empty for an any-of need.</summary>
    public static IReadOnlyList<string> MissingParts(this Needs needs, IEnumerable<string> met)
    {
        var done = new HashSet<string>(met, StringComparer.OrdinalIgnoreCase);
        return needs.CoreParts.Select(p => p.Name.Trim()).Where(name => !done.Contains(name)).ToArray();
    }
}
