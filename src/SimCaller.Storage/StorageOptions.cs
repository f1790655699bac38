using Microsoft.Extensions.Configuration;

namespace SimCaller.Storage;

/// <summary>Configuration section "Storage": which store, and where.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>"sqlite" (default, one local file) or "postgres" (shared by several instances).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file; <see cref="DefaultSqlitePath"/> when empty.</summary>
    public string? Path { get; set; }

    /// <summary>The PostgreSQL connection string.</summary>
    public string? ConnectionString { get; set; }

    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new StorageOptions
        {
            Provider = string.IsNullOrWhiteSpace(section["Provider"]) ? Sqlite : section["Provider"]!.Trim().ToLowerInvariant(),
            Path = string.IsNullOrWhiteSpace(section["Path"]) ? null : section["Path"]!.Trim(),
            ConnectionString = string.IsNullOrWhiteSpace(section["ConnectionString"]) ? null : section["ConnectionString"],
        };
    }

    /// <summary>$XDG_DATA_HOME/simcaller/simcaller.db, else the user's local data folder (~/.local/share on Linux).</summary>
    public static string DefaultSqlitePath()
    {
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            dataHome = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        }
        return System.IO.Path.Combine(dataHome, "simcaller", "simcaller.db");
    }
}
