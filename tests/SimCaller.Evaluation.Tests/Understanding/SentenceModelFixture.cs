using SimCaller.Evaluation.Analysis;
using SimCaller.Understanding;

namespace SimCaller.Evaluation.Tests.Understanding;

/// <summary>
/// One sentence model for the whole test project: loading it costs about 0.4 s and 400 MB, so every
/// test class that needs it joins <see cref="SentenceModelCollection"/> instead of loading its own.
/// </summary>
public sealed class SentenceModelFixture
{
    public SentenceModelFixture()
    {
        Model = new MiniLmEmbedder();
        if (!Model.Warm())
        {
            throw new InvalidOperationException("The MiniLM sentence model did not load; these tests need it.");
        }
        Embedder = new CachingEmbedder(Model);
        Analyzer = new SemanticTurnAnalyzer(new RuleBasedAnalyzer(), Embedder, TechniqueClassifier.LoadShipped());
    }

    public MiniLmEmbedder Model { get; }

    public CachingEmbedder Embedder { get; }

    public SemanticTurnAnalyzer Analyzer { get; }
}

[CollectionDefinition(Name)]
public sealed class SentenceModelCollection : ICollectionFixture<SentenceModelFixture>
{
    public const string Name = "sentence model";
}
