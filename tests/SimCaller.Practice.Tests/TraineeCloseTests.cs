using SimCaller.Core.Calls;

namespace SimCaller.Practice.Tests;

/// <summary>
/// The close belongs to the trainee: once the fix lands the customer stays on the line, so the trainee's
/// next steps, check and goodbye are heard, answered and scored, whatever the difficulty.
/// </summary>
public sealed class TraineeCloseTests : IDisposable
{
    private readonly PracticeHarness _harness = new();

    private static readonly string[] Call =
    [
        "Take your time, Mrs Hale, there's no rush at all. A bill like that would frighten anyone.",
        "So your bill went from about ninety-six pounds to two hundred and ninety-one after the new meter went in?",
        "That's on us, and I'll see it through. I'll book an engineer to test the meter this week, and I'll pause the direct debit so nothing comes out until it's checked.",
        "You'll get a letter confirming both by Friday, and the engineer will ring you the day before the visit.",
        "Does that work for you, Mrs Hale?",
        "Thank you for calling, Mrs Hale. Take care.",
    ];

    [Theory]
    [InlineData("easy")]
    [InlineData("standard")]
    [InlineData("hard")]
    public async Task The_customer_hears_the_next_steps_and_the_goodbye_resolves_the_call(string difficulty)
    {
        var (transcript, ended) = await PlayAsync(difficulty);

        Assert.Equal(CallOutcome.Resolved, ended.Outcome);
        // Every trainee line was played: the call was not cut off when the fix landed.
        Assert.Equal(Call, transcript.Turns.Where(t => t.Speaker == Speaker.Trainee).Select(t => t.Text));
        var expectations = Assert.Single(ended.Debrief.Criteria, c => c.Id == "expectations");
        Assert.True(expectations.Score >= 80, $"{expectations.Score}: {expectations.Summary}");
    }

    [Fact]
    public async Task The_same_close_scores_the_same_on_easy_and_hard()
    {
        var (_, easy) = await PlayAsync("easy");
        var (_, hard) = await PlayAsync("hard");

        Assert.Equal(
            easy.Debrief.Criteria.Single(c => c.Id == "expectations").Score,
            hard.Debrief.Criteria.Single(c => c.Id == "expectations").Score);
    }

    private async Task<(CallTranscript, SessionEnded)> PlayAsync(string difficulty)
    {
        var started = await _harness.Service.StartAsync(new StartSessionRequest("worried-pensioner", difficulty, Seed: 5));
        TurnResult? result = null;
        foreach (var line in Call)
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(20));
            result = await _harness.Service.TakeTurnAsync(started.SessionId, new TraineeTurn(line));
            Assert.False(result.IsOver && line != Call[^1], $"the call ended before the trainee's close, at: {line}");
        }
        var ended = result!.Ended ?? await _harness.Service.EndAsync(started.SessionId, EndReason.Abandoned);
        return (await _harness.Service.GetTranscriptAsync(started.SessionId), ended);
    }

    public void Dispose() => _harness.Dispose();
}
