namespace SimCaller.Core.Techniques;

/// <summary>The techniques found in one trainee utterance.</summary>
public sealed record UtteranceAnalysis(string Text, IReadOnlyList<TechniqueMatch> Matches)
{
    public static UtteranceAnalysis Empty(string text) => new(text, []);

    /// <summary>Distinct techniques, in vocabulary order.</summary>
    public IReadOnlyList<Technique> Techniques =>
        Matches.Select(m => m.Technique).Distinct().Order().ToArray();

    public bool Has(Technique technique) => Matches.Any(m => m.Technique == technique);
}
