using SimCaller.Core.Moods;

namespace SimCaller.Persona.Mood;

/// <summary>Maps mood states to their ids ("calm", "furious") as used in persona files and transcripts.</summary>
public static class MoodStateIds
{
    /// <summary>All ids, calmest first.</summary>
    public static IReadOnlyList<string> AllIds { get; } = Enum.GetValues<MoodState>().Select(ToId).ToArray();

    public static string ToId(this MoodState state) => state.ToString().ToLowerInvariant();

    public static bool TryParse(string? id, out MoodState state)
    {
        foreach (var candidate in Enum.GetValues<MoodState>())
        {
            if (string.Equals(candidate.ToId(), id?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }
        state = default;
        return false;
    }

    /// <summary>The band an anger value falls in (thresholds in <see cref="MoodBands"/>).</summary>
    public static MoodState FromAnger(int anger) => (MoodState)MoodBands.Of(anger);
}
