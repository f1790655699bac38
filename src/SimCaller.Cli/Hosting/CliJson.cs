using System.Text.Encodings.Web;
using System.Text.Json;

namespace SimCaller.Cli.Hosting;

/// <summary>JSON as the CLI prints it: snake_case keys, readable text (no \u escapes for quotes or accents).</summary>
public static class CliJson
{
    public static JsonSerializerOptions Indented { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One object per line (analyze).</summary>
    public static JsonSerializerOptions Lines { get; } = new(Indented) { WriteIndented = false };
}
