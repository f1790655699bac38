namespace SimCaller.Persona.Loading;

/// <summary>Suggests the known name closest to a misspelt one.</summary>
internal static class DidYouMean
{
    public static string? Closest(string wrong, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(wrong.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Beyond a third of the word the "suggestion" is a guess that misleads more than it helps...
        if (best is not null && bestDistance <= Math.Max(2, wrong.Length / 3))
        {
            return best;
        }
        // ...unless one is the other with an ending added or dropped ("boundary" for "boundaries").
        var stem = wrong.Length >= 5 ? wrong[..^2].ToLowerInvariant() : null;
        return stem is null ? null : known.FirstOrDefault(k => k.Length >= 5 && k.StartsWith(stem, StringComparison.OrdinalIgnoreCase));
    }

    public static string Hint(string wrong, IEnumerable<string> known) =>
        Closest(wrong, known) is { } suggestion ? $" (did you mean '{suggestion}'?)" : "";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
