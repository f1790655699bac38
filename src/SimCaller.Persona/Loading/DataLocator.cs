namespace SimCaller.Persona.Loading;

/// <summary>
/// Finds a data folder (personas/, rubrics/) the way a user expects: the configured path; else the
/// repository's copy when run from inside a checkout; else the copy shipped beside the binaries.
/// </summary>
public static class DataLocator
{
    /// <param name="folderName">The folder to find, e.g. "personas".</param>
    /// <param name="configured">A path from configuration; used as given (made absolute) when not blank.</param>
    /// <param name="startDirectory">Where the upward search starts; the current directory when null.</param>
    public static string Resolve(string folderName, string? configured, string? startDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured.Trim());
        }
        for (var dir = new DirectoryInfo(startDirectory ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folderName);
            if (File.Exists(Path.Combine(dir.FullName, "SimCaller.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine(AppContext.BaseDirectory, folderName);
    }
}
