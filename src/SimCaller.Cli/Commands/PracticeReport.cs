using System.Text.Json;
using System.Text.Json.Nodes;
using SimCaller.Cli.Hosting;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Rendering;
using SimCaller.Practice;

namespace SimCaller.Cli.Commands;

/// <summary>The one JSON document `practice --json` prints: a contract for scripts and CI.</summary>
public static class PracticeReport
{
    /// <param name="code">The session code the call was played with, or null.</param>
    public static string ToJson(CallTranscript transcript, SessionEnded ended, string? code = null)
    {
        var turns = new JsonArray();
        foreach (var turn in transcript.Turns)
        {
            var node = new JsonObject
            {
                ["speaker"] = turn.Speaker == Speaker.Customer ? "customer" : "trainee",
                ["text"] = turn.Text,
                ["anger"] = turn.Anger,
            };
            if (turn.Speaker == Speaker.Trainee)
            {
                node["techniques"] = new JsonArray(turn.Techniques.Select(m => m.Technique).Distinct().Order()
                    .Select(t => (JsonNode?)JsonValue.Create(t.ToId())).ToArray());
                if (turn.Events != CallEvents.None)
                {
                    node["events"] = new JsonArray(turn.Events.ToIds().Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());
                }
            }
            turns.Add(node);
        }
        var document = new JsonObject
        {
            ["persona"] = transcript.PersonaId,
            ["difficulty"] = transcript.Difficulty,
            ["seed"] = transcript.Seed,
            ["code"] = code,
            ["session_id"] = ended.SessionId,
            ["outcome"] = ended.Outcome.ToId(),
            ["final_anger"] = transcript.FinalAnger,
            ["debrief_token"] = ended.DebriefToken,
            ["turns"] = turns,
            ["debrief"] = JsonNode.Parse(DebriefJson.Serialize(ended.Debrief)),
        };
        return document.ToJsonString(CliJson.Indented);
    }
}
