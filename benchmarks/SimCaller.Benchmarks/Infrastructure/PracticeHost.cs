using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SimCaller.Practice;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>
/// The practice services as the CLI composes them (AddSimCallerPractice), on the shipped personas and
/// rubric, the offline customer and a SQLite file of the caller's choosing; logging off.
/// </summary>
public static class PracticeHost
{
    public static ServiceProvider Build(string databasePath) =>
        new ServiceCollection()
            .AddLogging(logging => logging.ClearProviders())
            .AddSimCallerPractice(Configuration(databasePath))
            .BuildServiceProvider();

    public static IConfiguration Configuration(string databasePath) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Personas:Path"] = RepositoryData.Personas,
            ["Personas:Watch"] = "false",
            ["Rubric:Path"] = RepositoryData.Rubric,
            ["Model:Provider"] = "offline",
            ["Storage:Provider"] = "sqlite",
            ["Storage:Path"] = databasePath,
        }).Build();
}
