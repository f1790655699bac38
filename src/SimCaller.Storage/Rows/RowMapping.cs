using System.Globalization;
using System.Text.Json;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;

namespace SimCaller.Storage.Rows;

/// <summary>How values are written to and read from columns; shared by every store so their rows agree.</summary>
public static class RowMapping
{
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string FormatSpeaker(Speaker speaker) => speaker == Speaker.Customer ? "customer" : "trainee";

    public static Speaker ParseSpeaker(string id) => id switch
    {
        "customer" => Speaker.Customer,
        "trainee" => Speaker.Trainee,
        _ => throw new InvalidDataException($"Stored turn has unknown speaker '{id}'."),
    };

    public static CallOutcome ParseOutcome(string id) =>
        CallOutcomeIds.TryParse(id, out var outcome) ? outcome : throw new InvalidDataException($"Stored session has unknown outcome '{id}'.");

    /// <summary>Techniques as a JSON array of {technique, evidence}, ids as in the shared vocabulary.</summary>
    public static string FormatTechniques(IReadOnlyList<TechniqueMatch> matches) =>
        JsonSerializer.Serialize(matches.Select(m => new StoredMatch(m.Technique.ToId(), m.Evidence)), JsonOptions);

    public static IReadOnlyList<TechniqueMatch> ParseTechniques(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredMatch[]>(json, JsonOptions) ?? [];
        return stored
            .Select(s => TechniqueIds.TryParse(s.Technique, out var technique)
                ? new TechniqueMatch(technique, s.Evidence ?? "")
                : throw new InvalidDataException($"Stored turn has unknown technique '{s.Technique}'."))
            .ToArray();
    }

    public static TurnRow ToRow(string sessionId, TranscriptTurn turn, string? moodSnapshot = null, double? holdSeconds = null) => new()
    {
        MoodSnapshot = moodSnapshot,
        HoldSeconds = holdSeconds,
        SessionId = sessionId,
        Number = turn.Number,
        At = FormatTime(turn.At),
        Speaker = FormatSpeaker(turn.Speaker),
        Text = turn.Text,
        Anger = turn.Anger,
        Mood = turn.Mood,
        Techniques = FormatTechniques(turn.Techniques),
        Events = (int)turn.Events,
    };

    public static TranscriptTurn ToTurn(TurnRow row) => new(
        row.Number,
        ParseTime(row.At),
        ParseSpeaker(row.Speaker),
        row.Text,
        row.Anger,
        row.Mood,
        ParseTechniques(row.Techniques),
        (CallEvents)row.Events);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record StoredMatch(string Technique, string? Evidence);
}
