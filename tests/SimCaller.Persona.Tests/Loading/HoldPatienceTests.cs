using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Tests.Loading;

/// <summary>Hold thresholds are persona data with defaults, validated like every other field.</summary>
public class HoldPatienceTests
{
    private static string Traveler => File.ReadAllText(Path.Combine(RepoPaths.Personas, "stressed-traveler.yaml"));

    [Fact]
    public void A_persona_without_hold_settings_gets_the_defaults()
    {
        var persona = Assert.Single(PersonaLoader.ParseText(Traveler, "traveler").Personas);

        Assert.Equal((45.0, 300.0), (persona.Patience.HoldOkSeconds, persona.Patience.HoldHangUpSeconds));
        Assert.Equal(Traveler, persona.SourceText);
    }

    [Fact]
    public void Hold_settings_are_read_from_the_patience_section()
    {
        var yaml = Traveler.Replace("patience:\n", "patience:\n  hold_ok_seconds: 10\n  hold_hang_up_seconds: 90\n", StringComparison.Ordinal);

        var persona = Assert.Single(PersonaLoader.ParseText(yaml, "traveler").Personas);

        Assert.Equal((10.0, 90.0), (persona.Patience.HoldOkSeconds, persona.Patience.HoldHangUpSeconds));
    }

    [Theory]
    [InlineData("  hold_ok_seconds: 0\n", "patience.hold_ok_seconds")]
    [InlineData("  hold_ok_seconds: 120\n  hold_hang_up_seconds: 60\n", "patience.hold_hang_up_seconds")]
    [InlineData("  hold_ok_seconds: soon\n", "patience.hold_ok_seconds")]
    public void Impossible_hold_settings_are_reported_with_their_field(string settings, string field)
    {
        var result = PersonaLoader.ParseText(Traveler.Replace("patience:\n", "patience:\n" + settings, StringComparison.Ordinal), "traveler.yaml");

        Assert.Empty(result.Personas);
        Assert.Contains(result.Problems, p => p.Field == field && p.Line is not null);
    }
}
