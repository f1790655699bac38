using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Mood;
using static SimCaller.Persona.Tests.Mood.Script;

namespace SimCaller.Persona.Tests.Mood;

public class MoodMachineTests
{
    private static MoodMachine Traveler(string difficulty = "standard", int seed = 7) =>
        MoodMachine.Create(Load("stressed-traveler"), difficulty, seed);

    [Fact]
    public void A_call_starts_at_the_persona_anger_shifted_by_difficulty()
    {
        Assert.Equal(62, Traveler().Anger);
        Assert.Equal(MoodState.Angry, Traveler().State);
        Assert.Equal(50, Traveler("easy").Anger);
        Assert.Equal(74, Traveler("hard").Anger);
        Assert.Equal(CallOutcome.InProgress, Traveler().Outcome);
    }

    [Theory]
    [InlineData(Technique.Empathy)]
    [InlineData(Technique.Paraphrase)]
    [InlineData(Technique.Ownership)]
    [InlineData(Technique.Solution)]
    public void Helpful_moves_lower_anger(Technique technique)
    {
        var update = Traveler().Apply(Say(technique), CallEvents.None, TimeSpan.Zero);

        Assert.True(update.AngerAfter < update.AngerBefore, string.Join(", ", update.Reasons));
        Assert.Equal(technique.ToId(), update.Reaction);
    }

    [Theory]
    [InlineData(Technique.Blame)]
    [InlineData(Technique.Dismissive)]
    [InlineData(Technique.Refusal)]
    [InlineData(Technique.Rude)]
    public void Harmful_moves_raise_anger(Technique technique)
    {
        var update = Traveler().Apply(Say(technique), CallEvents.None, TimeSpan.Zero);

        Assert.True(update.AngerAfter > update.AngerBefore, string.Join(", ", update.Reasons));
        Assert.Equal(technique.ToId(), update.Reaction);
    }

    [Fact]
    public void Easy_calms_more_and_inflames_less_than_hard()
    {
        int Delta(string level, Technique t) => Traveler(level).Apply(Say(t), CallEvents.None, TimeSpan.Zero) is var u ? u.AngerAfter - u.AngerBefore : 0;

        Assert.True(Delta("easy", Technique.Empathy) < Delta("hard", Technique.Empathy));
        Assert.True(Delta("easy", Technique.Blame) < Delta("hard", Technique.Blame));
    }

    [Fact]
    public void Each_repeated_cliche_costs_more_than_the_last()
    {
        var machine = Traveler();

        var costs = Enumerable.Range(0, 3)
            .Select(_ => machine.Apply(Say(Technique.Cliche), CallEvents.None, TimeSpan.Zero))
            .Select(u => u.AngerAfter - u.AngerBefore)
            .ToArray();

        Assert.True(costs[0] > 0 && costs[1] > costs[0] && costs[2] > costs[1], string.Join(", ", costs));
    }

    [Fact]
    public void The_fifth_apology_does_nothing()
    {
        var machine = Traveler();
        var updates = Enumerable.Range(0, 5).Select(_ => machine.Apply(Say(Technique.Apology), CallEvents.None, TimeSpan.Zero)).ToArray();

        Assert.True(updates[0].AngerAfter < updates[0].AngerBefore);
        Assert.Equal(updates[4].AngerBefore, updates[4].AngerAfter);
        Assert.Equal("repeated", updates[4].Reaction);
        Assert.Contains("apology (5th time) no effect", updates[4].Reasons);
    }

    [Fact]
    public void Saying_the_same_line_again_is_heard_as_repetition()
    {
        var machine = Traveler();
        var line = "I completely get how stressful this must be for you";
        machine.Apply(Said(line, Technique.Empathy), CallEvents.None, TimeSpan.Zero);

        var again = machine.Apply(Said(line.ToUpperInvariant() + "!", Technique.Empathy), CallEvents.None, TimeSpan.Zero);

        Assert.Equal("repeated", again.Reaction);
        Assert.True(again.AngerAfter > again.AngerBefore);
    }

    [Fact]
    public void Anger_holds_at_the_floor_until_the_core_need_is_addressed()
    {
        var machine = Traveler();
        var calming = new[]
        {
            Technique.Empathy, Technique.Paraphrase, Technique.Ownership, Technique.Apology, Technique.Expectation,
            Technique.Gratitude, Technique.Empathy, Technique.Paraphrase, Technique.Ownership,
        };

        var updates = calming.Select(t => machine.Apply(Say(t), CallEvents.None, TimeSpan.Zero)).ToArray();

        Assert.All(updates, u => Assert.True(u.AngerAfter >= 45, $"{u.AngerAfter}: {string.Join(", ", u.Reasons)}"));
        Assert.Contains(updates, u => u.Reasons.Contains("floor 45: core need not met"));
        Assert.False(machine.CoreNeedMet);

        var fix = machine.Apply(Said("I can rebook you on the 6:05 tomorrow morning, landing at 8:40", Technique.Solution), CallEvents.None, TimeSpan.Zero);

        Assert.True(fix.CoreNeedMet);
        Assert.True(fix.AngerAfter < 45, string.Join(", ", fix.Reasons));
        Assert.Equal("solution", fix.Reaction);
    }

    [Fact]
    public void A_partial_answer_is_acknowledged_and_lowers_the_floor_only_partway()
    {
        var machine = Traveler();
        machine.Apply(Say(Technique.Empathy), CallEvents.None, TimeSpan.Zero);

        var partial = machine.Apply(Said("I can put you on standby and book a hotel by the airport", Technique.Solution), CallEvents.None, TimeSpan.Zero);
        var later = new[] { Technique.Ownership, Technique.Paraphrase, Technique.Apology, Technique.Expectation, Technique.Empathy }
            .Select(t => machine.Apply(Say(t), CallEvents.None, TimeSpan.Zero)).ToArray();

        Assert.Equal("partial_solution", partial.Reaction);
        Assert.False(partial.CoreNeedMet);
        Assert.True(later[^1].AngerAfter < 45, "partial answer should lower the floor");
        Assert.All(later, u => Assert.True(u.AngerAfter >= 35, $"{u.AngerAfter}: {string.Join(", ", u.Reasons)}"));
    }

    [Fact]
    public void Meeting_the_need_and_calming_the_customer_resolves_the_call()
    {
        var machine = Traveler();
        var script = new[]
        {
            Say(Technique.Empathy),
            Say(Technique.Paraphrase),
            Said("we let you down, I'll rebook you on the first flight tomorrow at 6:05", Technique.Ownership, Technique.Solution),
            Say(Technique.Expectation),
            Say(Technique.CheckSatisfaction),
            Say(Technique.Gratitude),
        };

        var updates = script.Select(turn => machine.Apply(turn, CallEvents.None, TimeSpan.Zero)).ToArray();

        Assert.Equal(CallOutcome.Resolved, machine.Outcome);
        Assert.True(machine.Anger <= 25);
        Assert.Equal("resolved", updates.First(u => u.Outcome == CallOutcome.Resolved).Reaction);
    }

    [Fact]
    public void Staying_furious_for_the_persona_patience_makes_the_customer_hang_up()
    {
        var machine = Traveler();
        var updates = new List<MoodUpdate>();
        foreach (var t in new[] { Technique.Rude, Technique.Dismissive, Technique.Blame, Technique.Refusal, Technique.Rude, Technique.Defensive })
        {
            updates.Add(machine.Apply(Say(t), CallEvents.None, TimeSpan.Zero));
            if (machine.IsOver)
            {
                break;
            }
        }

        Assert.Equal(CallOutcome.HungUp, machine.Outcome);
        Assert.Equal("hang_up", updates[^1].Reaction);
        Assert.Equal(3, updates.Count(u => u.State == MoodState.Furious));
    }

    [Fact]
    public void Too_many_silences_in_a_row_make_the_customer_hang_up()
    {
        var machine = Traveler();

        var first = machine.Apply(Nothing(), CallEvents.Silence, TimeSpan.Zero);
        var second = machine.Apply(Nothing(), CallEvents.Silence, TimeSpan.Zero);
        var third = machine.Apply(Nothing(), CallEvents.Silence, TimeSpan.Zero);

        Assert.Equal("silence", first.Reaction);
        Assert.Equal(CallOutcome.InProgress, second.Outcome);
        Assert.Equal(CallOutcome.HungUp, third.Outcome);
        Assert.Equal("hang_up", third.Reaction);
        Assert.NotEqual(MoodState.Furious, third.State);
    }

    [Fact]
    public void A_long_hold_annoys_more_than_a_pause_and_is_answered_as_a_hold()
    {
        var held = Traveler().Apply(Nothing(), CallEvents.LongHold, TimeSpan.Zero);
        var paused = Traveler().Apply(Nothing(), CallEvents.Silence, TimeSpan.Zero);

        Assert.Equal("long_hold", held.Reaction);
        Assert.True(held.AngerAfter > paused.AngerAfter, $"hold {held.AngerAfter} vs pause {paused.AngerAfter}");
    }

    [Fact]
    public void A_spoken_turn_breaks_a_run_of_silences()
    {
        var machine = Traveler();

        machine.Apply(Nothing(), CallEvents.Silence, TimeSpan.Zero);
        machine.Apply(Nothing(), CallEvents.Silence, TimeSpan.Zero);
        machine.Apply(Say(Technique.ClarifyingQuestion), CallEvents.None, TimeSpan.Zero);
        machine.Apply(Nothing(), CallEvents.Silence, TimeSpan.Zero);
        machine.Apply(Nothing(), CallEvents.Silence, TimeSpan.Zero);

        Assert.False(machine.IsOver);
    }

    [Fact]
    public void Running_past_max_turns_ends_the_call_on_the_time_limit()
    {
        // A customer who does not mind stalling, so only the turn limit can end this call of empty turns.
        var persona = Load("stressed-traveler");
        persona.Patience.StallingAnger = 0;
        var machine = MoodMachine.Create(persona, "standard", 7);
        var updates = Enumerable.Range(0, 24).Select(_ => machine.Apply(Say(), CallEvents.None, TimeSpan.Zero)).ToArray();

        Assert.All(updates[..^1], u => Assert.Equal(CallOutcome.InProgress, u.Outcome));
        Assert.Equal(CallOutcome.TimeLimit, updates[^1].Outcome);
        Assert.Equal(24, machine.Turn);
    }

    [Fact]
    public void Talking_over_the_customer_and_running_long_both_cost()
    {
        var talkOver = Traveler().Apply(Say(), CallEvents.TalkOver, TimeSpan.Zero);
        var late = Traveler().Apply(Say(), CallEvents.None, TimeSpan.FromMinutes(20));

        Assert.Equal("talk_over", talkOver.Reaction);
        Assert.True(talkOver.AngerAfter > talkOver.AngerBefore);
        Assert.True(late.AngerAfter > late.AngerBefore);
        Assert.Contains("call running long +2", late.Reasons);
    }

    [Fact]
    public void Ending_a_call_on_a_warned_abusive_caller_is_ended_by_agent()
    {
        var machine = MoodMachine.Create(Load("abusive-caller"), "standard", 1);
        var boundary = machine.Apply(Say(Technique.Boundary), CallEvents.None, TimeSpan.Zero);

        var end = machine.AgentEndsCall();

        Assert.True(boundary.AngerAfter < boundary.AngerBefore, "a boundary calms an abusive caller at high anger");
        Assert.Equal(CallOutcome.EndedByAgent, end.Outcome);
        Assert.Equal("ended_by_agent", end.Reaction);
    }

    [Fact]
    public void Ending_a_call_without_a_warning_is_abandoning_it()
    {
        var abusive = MoodMachine.Create(Load("abusive-caller"), "standard", 1);
        abusive.Apply(Say(Technique.Empathy), CallEvents.None, TimeSpan.Zero);
        var polite = Traveler();
        polite.Apply(Say(Technique.Boundary), CallEvents.None, TimeSpan.Zero);

        Assert.Equal(CallOutcome.Abandoned, abusive.AgentEndsCall().Outcome);
        Assert.Equal(CallOutcome.Abandoned, polite.AgentEndsCall().Outcome);
    }

    [Fact]
    public void Closing_the_call_once_the_need_is_met_and_the_customer_has_cooled_off_is_resolved()
    {
        var machine = Traveler();
        var fix = machine.Apply(Said("i have booked you on the first flight out tomorrow", Technique.Solution, Technique.Ownership), CallEvents.None, TimeSpan.Zero);
        var tooEarly = Traveler();

        var close = machine.AgentEndsCall();

        Assert.True(fix.CoreNeedMet);
        Assert.InRange(fix.AngerAfter, 26, 39); // cooled off, but not low enough to declare herself satisfied
        Assert.Equal(CallOutcome.InProgress, fix.Outcome);
        Assert.Equal(CallOutcome.Resolved, close.Outcome);
        Assert.Equal("resolved", close.Reaction);
        Assert.Equal(CallOutcome.Abandoned, tooEarly.AgentEndsCall().Outcome);
    }

    [Fact]
    public void Transfer_abandon_and_time_up_end_the_call()
    {
        Assert.Equal(CallOutcome.Escalated, Traveler().Transfer().Outcome);
        Assert.Equal("escalated", Traveler().Transfer().Reaction);
        Assert.Equal(CallOutcome.Abandoned, Traveler().Abandon().Outcome);
        Assert.Equal(CallOutcome.TimeLimit, Traveler().TimeUp().Outcome);
    }

    [Fact]
    public void After_the_call_has_ended_nothing_moves_and_nothing_throws()
    {
        var machine = Traveler();
        machine.Transfer();

        var late = machine.Apply(Say(Technique.Rude), CallEvents.Silence, TimeSpan.Zero);
        machine.Abandon();
        machine.AgentEndsCall();
        machine.TimeUp();

        Assert.Equal(late.AngerBefore, late.AngerAfter);
        Assert.Equal(CallOutcome.Escalated, machine.Outcome);
        Assert.Equal("escalated", late.Reaction);
    }

    [Fact]
    public void An_unknown_difficulty_is_refused_with_the_known_levels()
    {
        var error = Assert.Throws<ArgumentException>(() => Traveler("nightmare"));

        Assert.Contains("Known levels: easy, standard, hard", error.Message);
    }

    [Fact]
    public void Reasons_say_why_anger_moved()
    {
        var machine = Traveler();
        machine.Apply(Say(Technique.Cliche), CallEvents.None, TimeSpan.Zero);

        var second = machine.Apply(Say(Technique.Cliche), CallEvents.None, TimeSpan.Zero);

        Assert.Matches(@"^cliche \(2nd time\) \+\d+$", Assert.Single(second.Reasons));
    }
}
