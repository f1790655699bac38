namespace SimCaller.Persona.Loading;

/// <summary>Where persona files live (see <see cref="DataLocator"/> for the search order).</summary>
public static class PersonaLocator
{
    public const string FolderName = "personas";

    public static string ResolveDirectory(string? configured, string? startDirectory = null) =>
        DataLocator.Resolve(FolderName, configured, startDirectory);
}
