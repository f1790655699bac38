using SimCaller.Persona.Loading;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>The shipped personas and rubric, found from the checkout the benchmarks run in.</summary>
public static class RepositoryData
{
    public const string PersonaId = "stressed-traveler";

    public static string Personas { get; } = Require(DataLocator.Resolve(PersonaLocator.FolderName, null, AppContext.BaseDirectory));

    /// <summary>rubrics/default.yaml, the rubric every call is scored against.</summary>
    public static string Rubric { get; } = Path.Combine(Require(DataLocator.Resolve("rubrics", null, AppContext.BaseDirectory)), "default.yaml");

    /// <summary>The API project folder: the web host's content root (appsettings.json).</summary>
    public static string ApiContentRoot { get; } = Require(Path.Combine(DataLocator.Resolve("src", null, AppContext.BaseDirectory), "SimCaller.Api"));

    private static string Require(string directory) =>
        Directory.Exists(directory)
            ? directory
            : throw new DirectoryNotFoundException(
                $"Benchmark data folder '{directory}' is missing; run the benchmarks from inside the SimCaller checkout.");
}
