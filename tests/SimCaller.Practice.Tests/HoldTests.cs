using SimCaller.Core.Calls;

namespace SimCaller.Practice.Tests;

/// <summary>Issue 9 point 7: a hold lasts until the trainee comes back, and the customer takes it by how long it was.</summary>
public class HoldTests : IDisposable
{
    private const string Back = "Thanks for waiting.";

    private readonly PracticeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private async Task<(TurnResult Result, string SessionId)> HoldThenSpeakAsync(TimeSpan? hold)
    {
        var started = await _harness.Service.StartAsync(new StartSessionRequest("stressed-traveler", Seed: 12));
        _harness.Time.Advance(TimeSpan.FromSeconds(15));
        var holdStart = _harness.Time.GetUtcNow();
        if (hold is { } span)
        {
            _harness.Time.Advance(span);
        }
        var result = await _harness.Service.TakeTurnAsync(started.SessionId, new TraineeTurn(Back, HoldStartedAt: hold is null ? null : holdStart));
        return (result, started.SessionId);
    }

    [Fact]
    public async Task A_short_hold_is_fine_a_long_one_angers_the_customer_and_a_very_long_one_loses_them()
    {
        var noHold = (await HoldThenSpeakAsync(null)).Result;
        var (shortHold, shortId) = await HoldThenSpeakAsync(TimeSpan.FromSeconds(20));
        var (longHold, longId) = await HoldThenSpeakAsync(TimeSpan.FromMinutes(2));
        var (endless, endlessId) = await HoldThenSpeakAsync(TimeSpan.FromMinutes(6));

        Assert.Equal(noHold.Anger, shortHold.Anger);
        Assert.Contains(shortHold.Update.Reasons, r => r.StartsWith("short hold", StringComparison.Ordinal));
        Assert.NotEqual("long_hold", shortHold.Update.Reaction);

        Assert.True(longHold.Anger > noHold.Anger, $"long hold {longHold.Anger} vs none {noHold.Anger}");
        Assert.Equal("long_hold", longHold.Update.Reaction);
        Assert.False(longHold.IsOver);

        Assert.Equal(CallOutcome.HungUp, endless.Outcome);
        Assert.NotNull(endless.Ended);

        var shortTurn = (await _harness.Service.FindCallAsync(shortId))!.Turns[1];
        var longTurn = (await _harness.Service.FindCallAsync(longId))!.Turns[1];
        Assert.Equal((20.0, CallEvents.None), (shortTurn.HoldSeconds, shortTurn.Turn.Events));
        Assert.Equal((120.0, CallEvents.LongHold), (longTurn.HoldSeconds, longTurn.Turn.Events));
        Assert.Equal(CallOutcome.HungUp, (await _harness.Service.FindAsync(endlessId))!.Outcome);
        Assert.Equal(CallEvents.LongHold, (await _harness.Service.FindCallAsync(endlessId))!.Turns[1].Turn.Events);
    }
}
