using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Tests.Loading;

namespace SimCaller.Persona.Tests.Definitions;

/// <summary>The persona supplies its own coaching lines; where it gives none, they come from its scenario.</summary>
public class PersonaCoachingTests
{
    private static PersonaDefinition Load(string coaching)
    {
        using var dir = new TempDir();
        var result = PersonaLoader.LoadFile(dir.Write("x.yaml", PlantedMistakesTests.Clean() + coaching));
        Assert.Empty(result.Problems.Select(p => p.ToString()));
        return Assert.Single(result.Personas);
    }

    [Fact]
    public void The_persona_s_own_lines_come_first_by_criterion_or_technique()
    {
        var persona = Load("""
            coaching:
              empathy: ["A bill three times the usual would frighten anyone."]
              expectation: ["I'll ring you on Friday with what the meter shows."]
            """);

        Assert.Equal(["A bill three times the usual would frighten anyone."], persona.CoachingFor("empathy"));
        // A rubric criterion finds lines written under its technique, and the other way round.
        Assert.Equal(["I'll ring you on Friday with what the meter shows."], persona.CoachingFor("expectations"));
        Assert.Equal(["I'll ring you on Friday with what the meter shows."], persona.CoachingFor("expectation"));
    }

    [Fact]
    public void Without_coaching_the_lines_are_built_from_the_scenario_not_another_customer_s_world()
    {
        var persona = Load("");

        var empathy = Assert.Single(persona.CoachingFor("empathy"), l => l.Contains("water bill", StringComparison.Ordinal));
        Assert.DoesNotContain("wedding", empathy);
        Assert.Contains(persona.CoachingFor("solutions"), l => l.Contains("a meter check and the bill paused", StringComparison.Ordinal));
        Assert.Contains(persona.CoachingFor("blame"), l => l.Contains("Valley Water", StringComparison.Ordinal));
        Assert.Empty(persona.CoachingFor("no_such_key"));
    }

    [Fact]
    public void Default_lines_name_the_parts_of_a_several_part_need()
    {
        var persona = Load("");
        persona.Needs.CoreParts.AddRange([new NeedPart { Name = "a meter check" }, new NeedPart { Name = "the bill paused" }]);

        Assert.Equal("Here's what I can do today: a meter check and the bill paused. I'll set that up now.", Assert.Single(persona.DefaultCoaching("solution")));
    }

    [Fact]
    public void Lint_reports_empty_coaching_and_placeholders_in_it()
    {
        using var dir = new TempDir();
        var text = PlantedMistakesTests.Clean() + "coaching:\n  empathy: []\n  paraphrase: [\"So it's about {product}?\"]\n";

        var problems = PersonaLoader.LoadFile(dir.Write("x.yaml", text)).Problems;

        Assert.Contains(problems, p => p.Field == "coaching.empathy" && p.Message.Contains("at least one line", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "coaching.paraphrase[0]" && p.Message.Contains("{product}", StringComparison.Ordinal));
    }
}
