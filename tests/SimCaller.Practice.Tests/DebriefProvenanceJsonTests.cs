using System.Text.Json;
using SimCaller.Evaluation.Rendering;

namespace SimCaller.Practice.Tests;

/// <summary>The debrief JSON (docs/debrief-schema.md) says what the call was played against, as issue 11 promises.</summary>
public sealed class DebriefProvenanceJsonTests : IDisposable
{
    private readonly PracticeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task The_debrief_json_carries_the_persona_hash_rubric_code_and_channel()
    {
        var service = _harness.Service;
        var started = await service.StartAsync(new StartSessionRequest("abusive-caller", Seed: 9, Channel: "phone", Code: "48213907"));
        await service.TakeTurnAsync(started.SessionId, new TraineeTurn("I'm sorry the engineer never came. Let me sort this out."));
        var ended = await service.EndAsync(started.SessionId, EndReason.AgentHungUp);
        var info = (await service.FindAsync(started.SessionId))!;

        using var json = JsonDocument.Parse(DebriefJson.Serialize(ended.Debrief));
        var root = json.RootElement;

        Assert.Equal(info.PersonaHash, root.GetProperty("persona_hash").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("persona_hash").GetString());
        Assert.Equal("default", root.GetProperty("rubric_id").GetString());
        Assert.Equal(info.RubricHash, root.GetProperty("rubric_hash").GetString());
        Assert.Equal("48213907", root.GetProperty("code").GetString());
        Assert.Equal("phone", root.GetProperty("channel").GetString());
    }
}
