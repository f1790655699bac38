using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Voice;
using SimCaller.Understanding;

namespace SimCaller.Persona.Tests.Understanding;

/// <summary>One sentence model (0.4 s, 400 MB to load) shared by every test class in <see cref="SentenceModelCollection"/>.</summary>
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
        Reader = new SemanticTraineeReader(Embedder);
        Engine = new OfflineCustomerEngine(Reader);
    }

    public MiniLmEmbedder Model { get; }

    public CachingEmbedder Embedder { get; }

    public SemanticTraineeReader Reader { get; }

    public OfflineCustomerEngine Engine { get; }

    public static PersonaDefinition Shipped(string id) =>
        Assert.Single(PersonaLoader.LoadFile(RepoPaths.Persona(id)).Personas);
}

[CollectionDefinition(Name)]
public sealed class SentenceModelCollection : ICollectionFixture<SentenceModelFixture>
{
    public const string Name = "sentence model";
}
