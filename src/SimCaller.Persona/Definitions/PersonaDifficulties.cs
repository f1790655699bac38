using System.Diagnostics.CodeAnalysis;

namespace SimCaller.Persona.Definitions;

/// <summary>Picks a persona's difficulty level by name, with an error a user can act on.</summary>
public static class PersonaDifficulties
{
    /// <summary>
    /// The named level; null or blank means the persona's default. A persona that defines no levels
    /// has one implicit level (factors 1.0) under its default name.
    /// </summary>
    /// <exception cref="ArgumentException">The persona has no level of that name; the message lists the known ones.</exception>
    public static DifficultyLevel ResolveDifficulty(this PersonaDefinition persona, string? name)
    {
        if (persona.TryResolveDifficulty(name, out var level))
        {
            return level;
        }
        throw new ArgumentException(
            $"Unknown difficulty '{name}' for persona '{persona.Id}'. Known levels: {string.Join(", ", persona.DifficultyNames())}.",
            nameof(name));
    }

    public static bool TryResolveDifficulty(this PersonaDefinition persona, string? name, [NotNullWhen(true)] out DifficultyLevel? level)
    {
        var wanted = string.IsNullOrWhiteSpace(name) ? persona.DefaultDifficulty : name.Trim();
        if (persona.Difficulties.Count == 0)
        {
            level = string.Equals(wanted, persona.DefaultDifficulty, StringComparison.OrdinalIgnoreCase) ? new DifficultyLevel() : null;
            return level is not null;
        }
        foreach (var (key, value) in persona.Difficulties)
        {
            if (string.Equals(key, wanted, StringComparison.OrdinalIgnoreCase))
            {
                level = value;
                return true;
            }
        }
        level = null;
        return false;
    }

    /// <summary>The level names a user may ask for, in file order.</summary>
    public static IReadOnlyList<string> DifficultyNames(this PersonaDefinition persona) =>
        persona.Difficulties.Count == 0 ? [persona.DefaultDifficulty] : persona.Difficulties.Keys.ToArray();

    /// <summary>The canonical spelling of a level name (as written in the file); null/blank gives the default.</summary>
    public static string CanonicalDifficulty(this PersonaDefinition persona, string? name)
    {
        var wanted = string.IsNullOrWhiteSpace(name) ? persona.DefaultDifficulty : name.Trim();
        return persona.DifficultyNames().FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase)) ?? wanted;
    }
}
