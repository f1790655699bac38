namespace SimCaller.Persona.Tests;

/// <summary>Finds the repository's shipped files, so tests exercise exactly what trainees get.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Personas => Path.Combine(Root, "personas");

    public static string Persona(string id) => Path.Combine(Personas, id + ".yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SimCaller.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"SimCaller.sln not found above {AppContext.BaseDirectory}");
    }
}
