using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Tests.Mood;
using SimCaller.Persona.Voice;
using static SimCaller.Persona.Tests.Voice.VoiceFixture;

namespace SimCaller.Persona.Tests.Voice;

/// <summary>
/// The fourth shipped customer, Winifred Hale: frightened by a tripled water bill, hurt by being rushed or
/// talked down to, calmed by patience and a concrete check; her need takes a meter check AND the bill paused.
/// </summary>
public class ShippedPensionerTests
{
    private static readonly PersonaDefinition Win = Assert.Single(PersonaLoader.LoadFile(RepoPaths.Persona("worried-pensioner")).Personas);

    private readonly ICustomerVoice voice = KernelCustomerVoice.CreateOffline();

    private static MoodUpdate Turn(MoodMachine machine, string text, params Technique[] techniques) =>
        machine.Apply(Script.Said(text, techniques), CallEvents.None, TimeSpan.FromMinutes(2));

    [Fact]
    public void Talking_down_to_her_hurts_more_than_anything_and_giving_her_time_calms_most()
    {
        var harms = TechniqueIds.All.Where(t => t.IsHarmful()).ToArray();
        var helps = TechniqueIds.All.Where(t => t.IsHelpful()).ToArray();

        Assert.Equal(Technique.Rude, harms.MaxBy(t => Win.Weights[t.ToId()]));
        Assert.Equal(Technique.Empathy, helps.MinBy(t => Win.Weights[t.ToId()]));
    }

    [Fact]
    public void Patience_and_a_concrete_check_with_the_bill_paused_resolve_the_call()
    {
        var machine = MoodMachine.Create(Win, "standard", seed: 11);

        Turn(machine, "Take your time, Mrs Hale, there's no rush. A bill like that would frighten anyone.", Technique.Empathy);
        Turn(machine, "So it went from about ninety-six pounds to 291 after the meter went in?", Technique.Paraphrase);
        var half = Turn(machine, "I'll book an engineer to test the meter this week.", Technique.Solution, Technique.Ownership);
        Assert.False(half.CoreNeedMet);
        Assert.Equal(["bill paused"], machine.MissingNeedParts);
        Turn(machine, "And I'll pause the direct debit, so nothing comes out on the 28th until it's checked.", Technique.Solution, Technique.Expectation);
        Turn(machine, "You'll get a letter confirming both by Friday.", Technique.Expectation);
        var check = Turn(machine, "Does that sort it out for you?", Technique.CheckSatisfaction);

        Assert.True(machine.CoreNeedMet);
        // Satisfied, she stays on the line for the trainee's close; the goodbye resolves the call.
        Assert.Equal(CallOutcome.InProgress, check.Outcome);
        Assert.Equal(CallOutcome.Resolved, machine.AgentEndsCall().Outcome);
    }

    [Fact]
    public void A_meter_check_without_the_bill_paused_never_resolves_however_kind_the_trainee()
    {
        var machine = MoodMachine.Create(Win, "standard", seed: 11);

        Turn(machine, "I'll send an engineer out to check the meter.", Technique.Solution);
        for (var i = 0; i < 8 && !machine.IsOver; i++)
        {
            Turn(machine, $"Take your time, there's no rush at all ({i}).", Technique.Empathy);
        }

        Assert.False(machine.CoreNeedMet);
        Assert.NotEqual(CallOutcome.Resolved, machine.Outcome);
        Assert.True(machine.Anger >= Win.Needs.ResolvedBelow);
    }

    [Fact]
    public void Rushing_and_talking_down_drive_her_to_hang_up()
    {
        var machine = MoodMachine.Create(Win, "standard", seed: 11);

        for (var i = 0; i < 10 && !machine.IsOver; i++)
        {
            Turn(machine, $"Yes, yes, obviously, it's simple, just go online ({i}).", Technique.Rude, Technique.Dismissive);
        }

        Assert.Equal(CallOutcome.HungUp, machine.Outcome);
    }

    [Theory]
    [InlineData("What's your account number?", "BW 40 1187 3")]
    [InlineData("How much is the bill this time?", "hundred")]
    [InlineData("When was the smart meter fitted?", "fourth")]
    [InlineData("What's your postcode?", "KB3 9PL")]
    [InlineData("When does the direct debit come out?", "28th")]
    public async Task She_answers_what_she_is_asked(string question, string expected)
    {
        var reply = await voice.ReplyAsync(After(Win, question, "clarifying_question", 45, MoodState.Frustrated));

        Assert.Contains(expected, reply, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Asked_for_her_email_address_she_does_not_recite_her_home_address()
    {
        for (var seed = 1; seed <= 6; seed++)
        {
            var reply = await voice.ReplyAsync(After(Win, "What's your email address?", "clarifying_question", 45, MoodState.Frustrated, seed: seed));

            Assert.DoesNotContain("Orchard Row", reply, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("you can just check it online, it's simple", "rude", "I don't have the internet")]
    [InlineData("obviously the meter is right", "rude", "It's not obvious to me")]
    [InlineData("calm down, it's only a bill", "dismissive", "I'm frightened, not hysterical")]
    [InlineData("take your time, there's no rush", "empathy", "thank you for not hurrying me")]
    public async Task Her_echo_lines_answer_the_trainee_s_own_words(string trainee, string reaction, string expected)
    {
        var mood = reaction == "empathy" ? MoodState.Calm : reaction == "dismissive" ? MoodState.Frustrated : MoodState.Annoyed;
        var anger = (int)mood * 20 + 10;

        var replies = new List<string>();
        for (var seed = 1; seed <= 4; seed++)
        {
            replies.Add(await voice.ReplyAsync(After(Win, trainee, reaction, anger, mood, seed: seed)));
        }

        Assert.Contains(replies, r => r.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Her_coaching_stays_in_her_world()
    {
        Assert.Contains(Win.CoachingFor("empathy"), l => l.Contains("no rush", StringComparison.Ordinal));
        Assert.Contains(Win.CoachingFor("solutions"), l => l.Contains("engineer", StringComparison.Ordinal) && l.Contains("on hold", StringComparison.Ordinal));
        Assert.All(Win.CoachingFor("ownership"), l => Assert.Contains("water bill", l, StringComparison.Ordinal));
    }
}
