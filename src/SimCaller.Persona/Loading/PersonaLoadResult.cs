using SimCaller.Persona.Definitions;

namespace SimCaller.Persona.Loading;

/// <summary>The personas that loaded cleanly and the problems found in the ones that did not.</summary>
public sealed record PersonaLoadResult(IReadOnlyList<PersonaDefinition> Personas, IReadOnlyList<PersonaProblem> Problems)
{
    public bool HasProblems => Problems.Count > 0;
}
