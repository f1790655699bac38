using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Tests.Loading;

/// <summary>Lint for the data the sentence model reads: fact example questions and the stalling patience.</summary>
public class UnderstandingDataValidationTests
{
    private const string WithFacts = PersonaLoaderTests.Minimal + """

        scenario:
          facts:
            - topic: order number
              value: A-1
              keywords: [order number, order reference]
              examples: ["What's your order number?", "Have you got the order reference?"]
            - topic: delivery date
              value: Monday
              keywords: [delivery date, arrive]
              examples: ["When was it meant to arrive?"]
        patience:
          stalling_turns: 1
          stalling_anger: 5
        """;

    private static PersonaLoadResult Parse(string yaml)
    {
        using var dir = new TempDir();
        return PersonaLoader.LoadFile(dir.Write("test.yaml", yaml));
    }

    [Fact]
    public void Fact_examples_and_stalling_patience_load()
    {
        var result = Parse(WithFacts);
        var persona = Assert.Single(result.Personas);
        Assert.Equal(2, persona.Scenario.Facts[0].Examples.Count);
        Assert.Equal(5, persona.Patience.StallingAnger);
    }

    [Fact]
    public void One_example_question_under_two_facts_is_reported_with_both_topics()
    {
        var result = Parse(WithFacts.Replace("[\"When was it meant to arrive?\"]", "[\"what's your order number\"]"));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("scenario.facts[1].examples[0]", problem.Field);
        Assert.Contains("order number", problem.Message);
    }

    [Fact]
    public void A_blank_example_is_reported()
    {
        var result = Parse(WithFacts.Replace("\"When was it meant to arrive?\"", "\" \""));
        Assert.Contains(result.Problems, p => p.Field == "scenario.facts[1].examples[0]");
    }

    [Theory]
    [InlineData("stalling_anger: 5", "stalling_anger: 40", "patience.stalling_anger")]
    [InlineData("stalling_anger: 5", "stalling_anger: -1", "patience.stalling_anger")]
    [InlineData("stalling_turns: 1", "stalling_turns: -2", "patience.stalling_turns")]
    public void Stalling_patience_out_of_range_is_reported(string good, string bad, string field)
    {
        var result = Parse(WithFacts.Replace(good, bad));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains("out of range", problem.Message);
    }
}
