using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Tests.Loading;

public class ShippedPersonaTests
{
    public static TheoryData<string> ShippedIds => new() { "stressed-traveler", "abusive-caller", "off-topic-ranter", "worried-pensioner" };

    [Fact]
    public void The_shipped_directory_loads_all_four_personas_without_errors_or_warnings()
    {
        var result = PersonaLoader.LoadDirectory(RepoPaths.Personas);

        Assert.Empty(result.Problems.Select(p => p.ToString()));
        Assert.Empty(result.Warnings.Select(p => p.ToString()));
        Assert.Equal(
            ["abusive-caller", "off-topic-ranter", "stressed-traveler", "worried-pensioner"],
            result.Personas.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void Each_shipped_persona_weighs_all_18_techniques(string id)
    {
        var persona = Load(id);

        Assert.Equal(TechniqueIds.AllIds.Order(StringComparer.Ordinal), persona.Weights.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void Each_shipped_persona_has_material_for_every_reaction(string id)
    {
        var persona = Load(id);

        foreach (var key in ReactionKeys.All)
        {
            Assert.True(persona.Lines.Reactions.TryGetValue(key, out var byMood), $"{id}: no lines for '{key}'");
            Assert.True(byMood.Values.Sum(l => l.Count) >= 3, $"{id}: fewer than 3 lines for '{key}'");
        }
        Assert.True(persona.Lines.Reminders.Count >= 6);
        Assert.True(persona.OpeningLines.Count >= 4);
        Assert.True(persona.Scenario.Facts.Count >= 6);
        Assert.All(persona.Scenario.Facts, f => Assert.True(f.Answers.Count >= 2, $"{id}: fact '{f.Topic}' has under 2 answers"));
        Assert.Equal(["easy", "hard", "standard"], persona.Difficulties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("standard", persona.DefaultDifficulty);
    }

    [Fact]
    public void Only_the_abusive_caller_is_abusive_and_switches_on_boundaries()
    {
        Assert.True(Load("abusive-caller").Behaviours.Abusive);
        Assert.Contains("boundaries", Load("abusive-caller").Rubric.Enable);
        Assert.False(Load("stressed-traveler").Behaviours.Abusive);
        Assert.Contains("staying_on_track", Load("off-topic-ranter").Rubric.Enable);
        Assert.True(Load("off-topic-ranter").Behaviours.TangentChance >= 0.3);
    }

    private static PersonaDefinition Load(string id)
    {
        var result = PersonaLoader.LoadFile(RepoPaths.Persona(id));
        Assert.Empty(result.Problems.Select(p => p.ToString()));
        return Assert.Single(result.Personas);
    }
}
