using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using static SimCaller.Persona.Tests.Mood.Script;

namespace SimCaller.Persona.Tests.Mood;

/// <summary>
/// The close belongs to the trainee: a satisfied customer thanks them and stays on the line, so next steps,
/// a check and the goodbye are theirs to say (and the rubric's to score).
/// </summary>
public class TraineeCloseTests
{
    private static readonly TimeSpan Now = TimeSpan.Zero;

    private static MoodMachine Traveler(Action<PersonaDefinition>? change = null)
    {
        var persona = Load("stressed-traveler");
        change?.Invoke(persona);
        return MoodMachine.Create(persona, "standard", 7);
    }

    /// <summary>Empathy, then the fix: enough for the traveller to be satisfied at standard.</summary>
    private static MoodUpdate Satisfy(MoodMachine machine)
    {
        machine.Apply(Say(Technique.Empathy), CallEvents.None, Now);
        machine.Apply(Say(Technique.Paraphrase), CallEvents.None, Now);
        var fix = machine.Apply(Said("we let you down, I'll rebook you on the first flight tomorrow at 6:05", Technique.Ownership, Technique.Solution), CallEvents.None, Now);
        for (var i = 0; i < 3 && fix.Reaction != ReactionKeys.Satisfied; i++)
        {
            fix = machine.Apply(Say(Technique.Empathy, Technique.Gratitude), CallEvents.None, Now);
        }
        Assert.Equal(ReactionKeys.Satisfied, fix.Reaction);
        return fix;
    }

    [Fact]
    public void Meeting_the_need_satisfies_the_customer_but_leaves_the_call_open()
    {
        var machine = Traveler();

        var satisfied = Satisfy(machine);

        Assert.Equal(CallOutcome.InProgress, satisfied.Outcome);
        Assert.False(machine.IsOver);
        Assert.Contains(satisfied.Reasons, r => r.Contains("close is the trainee's", StringComparison.Ordinal));
    }

    [Fact]
    public void The_trainee_sets_expectations_checks_and_says_goodbye_before_it_resolves()
    {
        var machine = Traveler();
        Satisfy(machine);

        var next = machine.Apply(Say(Technique.Expectation), CallEvents.None, Now);
        var check = machine.Apply(Say(Technique.CheckSatisfaction), CallEvents.None, Now);
        var close = machine.AgentEndsCall();

        Assert.Equal(Technique.Expectation.ToId(), next.Reaction);
        Assert.Equal(CallOutcome.InProgress, next.Outcome);
        Assert.Equal(CallOutcome.InProgress, check.Outcome);
        Assert.Equal(CallOutcome.Resolved, close.Outcome);
        Assert.Equal(ReactionKeys.Resolved, close.Reaction);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_trainee_who_never_closes_is_closed_on_after_the_persona_close_after_turns(int closeAfter)
    {
        var machine = Traveler(p => p.Needs.CloseAfterTurns = closeAfter);
        Satisfy(machine);

        var waits = Enumerable.Range(0, closeAfter).Select(_ => machine.Apply(Say(Technique.Gratitude), CallEvents.None, Now)).ToArray();

        Assert.All(waits[..^1], w => Assert.Equal(CallOutcome.InProgress, w.Outcome));
        Assert.Equal(CallOutcome.Resolved, waits[^1].Outcome);
        Assert.Equal(ReactionKeys.Resolved, waits[^1].Reaction);
        Assert.Contains(waits[^1].Reasons, r => r.StartsWith("customer closed the call", StringComparison.Ordinal));
    }

    [Fact]
    public void A_goodbye_on_the_last_allowed_turn_is_the_trainee_s_close_not_the_customer_s()
    {
        var machine = Traveler(p => p.Needs.CloseAfterTurns = 2);
        Satisfy(machine);
        machine.Apply(Say(Technique.Expectation), CallEvents.None, Now);

        var goodbye = machine.Apply(Say(Technique.Gratitude), CallEvents.None, Now, traineeCloses: true);
        var close = machine.AgentEndsCall();

        Assert.Equal(CallOutcome.InProgress, goodbye.Outcome);
        Assert.Equal(CallOutcome.Resolved, close.Outcome);
        Assert.Contains("agent closed the call with the need met", close.Reasons);
    }

    [Fact]
    public void The_turn_limit_does_not_cut_off_a_satisfied_customer_before_the_trainee_can_close()
    {
        var machine = Traveler(p => p.Patience.MaxTurns = 3);
        machine.Apply(Say(Technique.Empathy), CallEvents.None, Now);
        machine.Apply(Say(Technique.Paraphrase), CallEvents.None, Now);
        var fix = machine.Apply(Said("we let you down, I'll rebook you on the first flight tomorrow at 6:05", Technique.Ownership, Technique.Solution), CallEvents.None, Now);
        Assert.Equal(ReactionKeys.Satisfied, fix.Reaction);

        var next = machine.Apply(Say(Technique.Expectation), CallEvents.None, Now);

        Assert.Equal(CallOutcome.InProgress, next.Outcome);
        Assert.Equal(CallOutcome.Resolved, machine.AgentEndsCall().Outcome);
    }

    [Fact]
    public void Insulting_a_satisfied_customer_undoes_it_and_the_customer_does_not_close_happily()
    {
        var machine = Traveler();
        Satisfy(machine);

        var rude = machine.Apply(Said("honestly you people are exhausting", Technique.Rude, Technique.Blame), CallEvents.None, Now);
        var later = machine.Apply(Say(Technique.Gratitude), CallEvents.None, Now);

        Assert.Contains(rude.Reasons, r => r.StartsWith("no longer satisfied", StringComparison.Ordinal));
        Assert.Equal(CallOutcome.InProgress, later.Outcome);
    }

    [Fact]
    public void A_restored_call_remembers_when_the_customer_became_satisfied()
    {
        var persona = Load("stressed-traveler");
        persona.Needs.CloseAfterTurns = 2;
        var machine = MoodMachine.Create(persona, "standard", 7);
        Satisfy(machine);
        machine.Apply(Say(Technique.Gratitude), CallEvents.None, Now);

        var restored = MoodMachine.Restore(persona, "standard", 7, machine.Snapshot());
        var last = restored.Apply(Say(Technique.Gratitude), CallEvents.None, Now);

        Assert.Equal(CallOutcome.Resolved, last.Outcome);
    }
}
