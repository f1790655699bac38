using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Tests.Loading;

public class DifficultyTests
{
    private static readonly PersonaDefinition Traveler =
        Assert.Single(PersonaLoader.LoadFile(RepoPaths.Persona("stressed-traveler")).Personas);

    [Fact]
    public void No_name_means_the_default_level()
    {
        Assert.Same(Traveler.Difficulties["standard"], Traveler.ResolveDifficulty(null));
        Assert.Same(Traveler.Difficulties["hard"], Traveler.ResolveDifficulty("HARD"));
    }

    [Fact]
    public void An_unknown_level_names_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Traveler.ResolveDifficulty("nightmare"));

        Assert.StartsWith("Unknown difficulty 'nightmare' for persona 'stressed-traveler'. Known levels: easy, standard, hard.", error.Message);
    }
}
