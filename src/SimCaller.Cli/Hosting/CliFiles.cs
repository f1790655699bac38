namespace SimCaller.Cli.Hosting;

/// <summary>Writing a command's output to the file named by --out.</summary>
public static class CliFiles
{
    /// <exception cref="UsageException">The file cannot be written; the message names it and says why.</exception>
    public static async Task WriteAsync(string file, string text, CancellationToken ct)
    {
        try
        {
            await File.WriteAllTextAsync(file, text, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"Cannot write '{file}': {e.Message}");
        }
        // The path goes to stderr, so stdout stays empty for scripts.
        await Console.Error.WriteLineAsync($"Wrote {Path.GetFullPath(file)}");
    }
}
