using SimCaller.Core.Calls;
using SimCaller.Evaluation.Rendering;

namespace SimCaller.Practice.Tests;

/// <summary>
/// A customer whose need has two parts (worried-pensioner: a meter check AND the bill paused), played
/// through the whole stack: the call resolves only when both are offered, and the debrief names the part
/// that was never offered.
/// </summary>
public class NeedPartsSessionTests : IDisposable
{
    private readonly PracticeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static readonly string[] Patient =
    [
        "Take your time, Mrs Hale, there's no rush at all. A bill like that would frighten anyone.",
        "So your bill went from about ninety-six pounds to 291 after the new meter was fitted, is that right?",
        "I'll book an engineer to test the meter this week, I'll arrange that myself.",
    ];

    [Fact]
    public async Task Only_the_meter_check_leaves_the_need_unmet_and_the_debrief_names_the_missing_part()
    {
        var (_, ended) = await _harness.PlayAsync("worried-pensioner", 5, Patient);

        Assert.NotEqual(CallOutcome.Resolved, ended.Outcome);
        Assert.Equal(["bill paused"], ended.Debrief.MissingNeedParts);
        Assert.Contains("\"missing_need_parts\": [\n    \"bill paused\"\n  ]", DebriefJson.Serialize(ended.Debrief).ReplaceLineEndings("\n"));
        Assert.Contains("never offered bill paused", DebriefMarkdown.Render(ended.Debrief));
    }

    [Fact]
    public async Task Both_parts_offered_resolve_the_call_and_nothing_is_missing()
    {
        string[] script =
        [
            .. Patient,
            "I'll also put the bill on hold, so nothing comes out on the 28th until the engineer has checked it.",
            "You'll get a letter confirming both by Friday, and the engineer will ring you the day before.",
            "Does that sort it out for you, Mrs Hale?",
            "Thank you for your patience. Goodbye, Mrs Hale.",
        ];

        var (_, ended) = await _harness.PlayAsync("worried-pensioner", 5, script);

        Assert.Equal(CallOutcome.Resolved, ended.Outcome);
        Assert.Empty(ended.Debrief.MissingNeedParts);
    }
}
