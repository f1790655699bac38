using SimCaller.Persona.Definitions;

namespace SimCaller.Persona.Loading;

/// <summary>
/// The personas that loaded and what was found in the files: <see cref="Problems"/> are errors (the
/// persona is left out), <see cref="Warnings"/> are things that work but probably not as meant (the
/// persona still loads).
/// </summary>
public sealed record PersonaLoadResult(IReadOnlyList<PersonaDefinition> Personas, IReadOnlyList<PersonaProblem> Problems)
{
    public IReadOnlyList<PersonaProblem> Warnings { get; init; } = [];

    public bool HasProblems => Problems.Count > 0;

    /// <summary>Errors and warnings together, by file then line, as lint prints them.</summary>
    public IEnumerable<PersonaProblem> Everything =>
        Problems.Concat(Warnings).OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line ?? 0);
}
