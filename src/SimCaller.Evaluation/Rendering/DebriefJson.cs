using System.Text.Json;
using System.Text.Json.Serialization;
using SimCaller.Core.Calls;
using SimCaller.Evaluation.Debriefs;

namespace SimCaller.Evaluation.Rendering;

/// <summary>The debrief as snake_case JSON; the schema is documented in docs/debrief-schema.md.</summary>
public static class DebriefJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new OutcomeConverter() },
    };

    public static string Serialize(Debrief debrief)
    {
        ArgumentNullException.ThrowIfNull(debrief);
        return JsonSerializer.Serialize(debrief, Options);
    }

    /// <exception cref="FormatException">The text is not a debrief document; the message says what is wrong.</exception>
    public static Debrief Deserialize(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new FormatException("Debrief JSON is empty.");
        }
        Debrief? debrief;
        try
        {
            debrief = JsonSerializer.Deserialize<Debrief>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : "";
            throw new FormatException($"Debrief JSON is not valid{where}: {ex.Message}", ex);
        }
        if (debrief is null)
        {
            throw new FormatException("Debrief JSON is null.");
        }
        // Debriefs stored before the transcript was added, or written with "transcript": null, read as having none.
        if (debrief.Transcript is null)
        {
            debrief = debrief with { Transcript = [] };
        }
        debrief = debrief with
        {
            Transcript = debrief.Transcript.Where(t => t is not null)
                .Select(t => t with { Text = t.Text ?? "", Mood = t.Mood ?? "", Speaker = t.Speaker ?? "", Techniques = t.Techniques ?? [], Events = t.Events ?? [] })
                .ToArray(),
        };
        if (debrief.Overrides is null)
        {
            debrief = debrief with { Overrides = [] };
        }
        var missing = new List<string>();
        if (debrief.Criteria is null) missing.Add("criteria");
        if (debrief.KeyMoments is null) missing.Add("key_moments");
        if (debrief.Timeline is null) missing.Add("timeline");
        if (debrief.Suggestions is null) missing.Add("suggestions");
        if (debrief.Stats is null) missing.Add("stats");
        if (missing.Count > 0)
        {
            throw new FormatException($"Debrief JSON lacks required field(s): {string.Join(", ", missing)}.");
        }
        return debrief;
    }

    private sealed class OutcomeConverter : JsonConverter<CallOutcome>
    {
        public override CallOutcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return CallOutcomeIds.TryParse(id, out var outcome)
                ? outcome
                : throw new JsonException($"unknown outcome '{id}' (expected one of: {string.Join(", ", Enum.GetValues<CallOutcome>().Select(o => o.ToId()))})");
        }

        public override void Write(Utf8JsonWriter writer, CallOutcome value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToId());
    }
}
