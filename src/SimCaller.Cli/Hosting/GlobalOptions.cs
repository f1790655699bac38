using System.CommandLine;

namespace SimCaller.Cli.Hosting;

/// <summary>Options every command accepts; each maps onto a configuration key.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Database { get; } = new("--db")
    {
        Description = "SQLite database file (config Storage:Path)",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string?> Personas { get; } = new("--personas")
    {
        Description = "Folder of persona YAML files (config Personas:Path)",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<string?> Rubric { get; } = new("--rubric")
    {
        Description = "Rubric YAML file (config Rubric:Path)",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log details to stderr",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Database);
        root.Options.Add(Personas);
        root.Options.Add(Rubric);
        root.Options.Add(Verbose);
    }

    /// <summary>Configuration overrides from the flags that were given.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Overrides(ParseResult parse)
    {
        if (parse.GetValue(Database) is { } db)
        {
            yield return new("Storage:Path", db);
        }
        if (parse.GetValue(Personas) is { } personas)
        {
            yield return new("Personas:Path", personas);
        }
        if (parse.GetValue(Rubric) is { } rubric)
        {
            yield return new("Rubric:Path", rubric);
        }
    }
}
