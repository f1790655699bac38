using SimCaller.Core.Calls;

namespace SimCaller.Persona.Definitions;

public static class PersonaCallScenario
{
    /// <summary>The parts of the persona's scenario the debrief words its example lines from.</summary>
    public static CallScenario ToCallScenario(this PersonaDefinition persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var scenario = persona.Scenario ?? new Scenario();
        var needs = persona.Needs ?? new Needs();
        return new CallScenario(
            Text(scenario.Company),
            Text(scenario.Product),
            Text(scenario.Problem),
            Text(needs.Core),
            Text(needs.Partial),
            Text((scenario.Facts ?? []).FirstOrDefault(f => f is not null && !string.IsNullOrWhiteSpace(f.Topic))?.Topic),
            persona.OwnCoachingByTechnique());
    }
}
