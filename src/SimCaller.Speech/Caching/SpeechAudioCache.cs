using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SimCaller.Speech.Caching;

/// <summary>
/// Synthesised audio on disk, named by a hash of what was synthesised, so the same line in the same mood is
/// paid for once and any instance sharing the directory can serve it to Twilio's &lt;Play&gt; as /audio/{file}.
/// </summary>
public sealed partial class SpeechAudioCache
{
    private readonly string _directory;

    public SpeechAudioCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
    }

    /// <summary>The file name for this content: lowercase SHA-256 hex of format and SSML, plus the extension.</summary>
    public static string FileNameFor(string ssml, string outputFormat)
    {
        ArgumentNullException.ThrowIfNull(ssml);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFormat);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(outputFormat + "\n" + ssml));
        return Convert.ToHexStringLower(hash) + ExtensionFor(outputFormat);
    }

    /// <summary>mp3 formats are served as .mp3; riff formats are WAV files.</summary>
    public static string ExtensionFor(string outputFormat) =>
        outputFormat.Contains("mp3", StringComparison.OrdinalIgnoreCase) ? ".mp3"
        : outputFormat.StartsWith("riff-", StringComparison.OrdinalIgnoreCase) ? ".wav"
        : throw new ArgumentException($"Output format '{outputFormat}' is neither a riff (WAV) nor an mp3 format; <Play> needs a file.", nameof(outputFormat));

    /// <summary>Returns the cached file name, synthesising and storing the audio first if it is missing.</summary>
    public async Task<string> GetOrAddAsync(string ssml, string outputFormat, Func<CancellationToken, Task<byte[]>> synthesize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synthesize);
        var fileName = FileNameFor(ssml, outputFormat);
        var path = Path.Combine(_directory, fileName);
        if (File.Exists(path)) return fileName;

        var audio = await synthesize(cancellationToken).ConfigureAwait(false);
        System.IO.Directory.CreateDirectory(_directory);
        // Write then rename, so a concurrent reader never serves half a file.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, audio, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
        return fileName;
    }

    /// <summary>Opens a cached file for reading, or null when the name is not one this cache makes or the file is gone.</summary>
    public Stream? TryOpen(string fileName)
    {
        if (fileName is null || !FileNamePattern().IsMatch(fileName)) return null;
        var path = Path.Combine(_directory, fileName);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public static string ContentTypeFor(string fileName) =>
        fileName.EndsWith(".mp3", StringComparison.OrdinalIgnoreCase) ? "audio/mpeg" : "audio/wav";

    // Only names this cache produces: no separators, so no path traversal.
    [GeneratedRegex("^[0-9a-f]{64}\\.(wav|mp3)$")]
    private static partial Regex FileNamePattern();
}
