using System.Text.Json;
using System.Text.Json.Nodes;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;

namespace SimCaller.Practice.Replay;

/// <summary>
/// The replay document shared by `simcaller replay --json` and POST /api/sessions/{id}/replay:
/// {"session_id", "turn", "said", "original": {"anger", "outcome", "score", "ended_at_turn"},
/// "replay": {"anger", "outcome", "score", "ended_at_turn", "turns": [{"speaker", "text", "anger", "techniques"}]}}.
/// </summary>
public static class ReplayJson
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ReplayResult result) => ToNode(result).ToJsonString(Indented);

    public static JsonObject ToNode(ReplayResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new JsonObject
        {
            ["session_id"] = result.SessionId,
            ["turn"] = result.Turn,
            ["said"] = result.Said,
            ["original"] = Run(result.Original),
            ["replay"] = Run(result.Replay),
        };
    }

    private static JsonObject Run(ReplayRun run)
    {
        var node = new JsonObject
        {
            ["anger"] = new JsonArray(run.Anger.Select(a => (JsonNode?)a).ToArray()),
            ["outcome"] = run.Outcome.ToId(),
            ["score"] = run.Score,
            ["ended_at_turn"] = run.EndedAtTurn,
        };
        if (run.Turns is { } turns)
        {
            node["turns"] = new JsonArray(turns.Select(t => (JsonNode?)new JsonObject
            {
                ["speaker"] = t.Speaker == Speaker.Trainee ? "trainee" : "customer",
                ["text"] = t.Text,
                ["anger"] = t.Anger,
                ["techniques"] = new JsonArray(t.Techniques.Select(x => (JsonNode?)x.ToId()).ToArray()),
            }).ToArray());
        }
        return node;
    }
}
