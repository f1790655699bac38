namespace SimCaller.Cli.Tests;

/// <summary>A scratch folder for one test: the working directory, the database, scripts.</summary>
public sealed class CliFolder : IDisposable
{
    public CliFolder()
    {
        Path = Directory.CreateTempSubdirectory("simcaller-cli-").FullName;
    }

    public string Path { get; }

    public string Database => System.IO.Path.Combine(Path, "calls.db");

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public Task<SimCallerProcess> RunAsync(params string[] args) => SimCallerProcess.RunAsync(Path, null, args);

    public Task<SimCallerProcess> RunWithInputAsync(string stdin, params string[] args) => SimCallerProcess.RunAsync(Path, stdin, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leaves a temp folder behind at worst.
        }
    }
}
