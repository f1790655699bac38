namespace SimCaller.Practice;

/// <summary>The persona has no difficulty level of that name.</summary>
public sealed class UnknownDifficultyException : PracticeException
{
    public UnknownDifficultyException(string personaId, string difficulty, IReadOnlyList<string> knownLevels)
        : base($"Unknown difficulty '{difficulty}' for persona '{personaId}'. Known levels: {string.Join(", ", knownLevels)}.")
    {
        Difficulty = difficulty;
        KnownLevels = knownLevels;
    }

    public string Difficulty { get; }

    public IReadOnlyList<string> KnownLevels { get; }
}
