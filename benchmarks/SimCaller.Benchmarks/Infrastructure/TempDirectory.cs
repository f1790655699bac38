using Microsoft.Data.Sqlite;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>A private folder for one benchmark's SQLite file, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "simcaller-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Database => System.IO.Path.Combine(Path, "simcaller.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner; the numbers are already taken.
        }
    }
}
