using SimCaller.Core.Calls;
using SimCaller.Core.Moods;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;
using SimCaller.Persona.Mood;
using static SimCaller.Persona.Tests.Mood.Script;

namespace SimCaller.Persona.Tests.Mood;

/// <summary>Every ending is a move of the machine, so its snapshot says the call is over; repeats and bands follow the shared rules.</summary>
public class EndingTests
{
    [Fact]
    public void A_customer_hang_up_ends_the_call_in_the_machine_and_its_snapshot()
    {
        var machine = MoodMachine.Create(Load("stressed-traveler"), "standard", 4);

        var update = machine.CustomerHangsUp();

        Assert.Equal(CallOutcome.HungUp, update.Outcome);
        Assert.Equal("hang_up", update.Reaction);
        Assert.Equal("hung_up", machine.Snapshot().State);
        var restored = MoodMachine.Restore(Load("stressed-traveler"), "standard", 4, machine.Snapshot());
        Assert.True(restored.IsOver);
        // Nothing moves an ended call.
        Assert.Equal(CallOutcome.HungUp, restored.AgentEndsCall().Outcome);
        Assert.Equal(CallOutcome.HungUp, restored.Apply(Say(Technique.Empathy), CallEvents.None, TimeSpan.Zero).Outcome);
    }

    [Fact]
    public void The_customer_hears_a_repeat_exactly_when_the_shared_rule_says_so()
    {
        var machine = MoodMachine.Create(Load("stressed-traveler"), "standard", 4);
        string[] lines =
        [
            "I can see why you're upset about the flight",
            "I can see why you are upset about the flight today",
            "Let me check the next departures for you",
            "okay",
            "okay",
        ];
        var said = new List<string>();
        foreach (var line in lines)
        {
            var expected = RepeatRule.IsRepeat(line, said);
            var update = machine.Apply(UtteranceAnalysis.Empty(line), CallEvents.None, TimeSpan.Zero);
            Assert.Equal(expected, update.Reasons.Any(r => r.StartsWith("repeated line", StringComparison.Ordinal)));
            said.Add(line);
        }
        Assert.True(RepeatRule.IsRepeat(lines[1], lines[..1]));
        Assert.False(RepeatRule.IsRepeat(lines[4], lines[..4]));
    }

    [Theory]
    [InlineData(0, MoodState.Calm)]
    [InlineData(MoodBands.AnnoyedFrom - 1, MoodState.Calm)]
    [InlineData(MoodBands.AnnoyedFrom, MoodState.Annoyed)]
    [InlineData(MoodBands.FrustratedFrom, MoodState.Frustrated)]
    [InlineData(MoodBands.AngryFrom, MoodState.Angry)]
    [InlineData(MoodBands.FuriousFrom, MoodState.Furious)]
    [InlineData(100, MoodState.Furious)]
    public void Mood_bands_come_from_the_one_table(int anger, MoodState state) =>
        Assert.Equal(state, MoodStateIds.FromAnger(anger));
}
