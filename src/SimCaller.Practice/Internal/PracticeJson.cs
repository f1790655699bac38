using System.Text.Json;
using System.Text.Json.Serialization;

namespace SimCaller.Practice.Internal;

/// <summary>The one set of JSON options for what the session stores (mood snapshots, replayable turn results).</summary>
internal static class PracticeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json, string what) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored {what} is empty.");
}
