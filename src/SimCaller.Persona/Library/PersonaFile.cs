using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;

namespace SimCaller.Persona.Library;

/// <summary>
/// One persona file of the folder as a trainer sees it in the library: its text, the version a save must
/// start from, the persona it describes and everything lint finds in it.
/// </summary>
/// <param name="Key">
/// What the library finds it by: the persona's id when this file owns that id, else (a file whose id is
/// unreadable or claimed by an earlier file) its file name without the extension.
/// </param>
/// <param name="FileName">The name in the personas folder ("stressed-traveler.yaml"); a save keeps it.</param>
/// <param name="Id">The id the file declares (read even from a file that does not load), or null when it has none.</param>
/// <param name="OwnsId">True when no earlier file claims <paramref name="Id"/>: this file is the customer with that id.</param>
/// <param name="Version">SHA-256 (hex) of the file's bytes: a save names the version it was edited from.</param>
/// <param name="Persona">The persona as the file reads now; null when the file has errors.</param>
/// <param name="Offered">What trainees get from this file now (the catalog's copy, perhaps the last good version), or null.</param>
/// <param name="Problems">Errors and warnings of the same checks as <c>simcaller personas lint</c>, in line order.</param>
public sealed record PersonaFile(
    string Key,
    string FileName,
    string Path,
    string? Id,
    bool OwnsId,
    string Text,
    string Version,
    PersonaDefinition? Persona,
    PersonaDefinition? Offered,
    IReadOnlyList<PersonaProblem> Problems)
{
    public IEnumerable<PersonaProblem> Errors => Problems.Where(p => !p.IsWarning);

    public IEnumerable<PersonaProblem> Warnings => Problems.Where(p => p.IsWarning);

    public bool HasErrors => Problems.Any(p => !p.IsWarning);

    /// <summary>The persona to show: the file's own when it loads, else what trainees still get from it.</summary>
    public PersonaDefinition? Shown => Persona ?? Offered;
}

/// <summary>How a save ended.</summary>
public enum PersonaSaveOutcome
{
    /// <summary>Written and reloaded; warnings, if any, are in the result's problems.</summary>
    Saved,
    /// <summary>The text has errors (or changes the id): nothing was written.</summary>
    Invalid,
    /// <summary>The file changed since the editor was opened: nothing was written.</summary>
    Conflict,
    /// <summary>No persona file has that key (any more).</summary>
    Missing,
}

/// <summary>A save's outcome, the problems of the text that was sent, and the file as it is now on disk.</summary>
public sealed record PersonaSaveResult(PersonaSaveOutcome Outcome, IReadOnlyList<PersonaProblem> Problems, PersonaFile? Current);
