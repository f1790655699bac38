using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Tests.Loading;

namespace SimCaller.Persona.Tests.Mood;

/// <summary>A core need in several parts (all-of) resolves only when every part has been offered.</summary>
public class NeedPartsTests
{
    private static PersonaDefinition TwoPartNeed()
    {
        var loaded = Loading();
        Assert.Empty(loaded.Problems.Select(p => p.ToString()));
        var persona = Assert.Single(loaded.Personas);
        Assert.True(persona.Needs.IsAllOf());
        return persona;
    }

    private static Persona.Loading.PersonaLoadResult Loading()
    {
        using var dir = new TempDir();
        var text = PlantedMistakesTests.Clean().Replace(
            "  core_keywords: [check the meter]",
            "  core_parts:\n" +
            "    - name: meter check\n" +
            "      keywords: [check the meter, test the meter, engineer]\n" +
            "    - name: bill paused\n" +
            "      keywords: [pause the bill, put the bill on hold, hold the bill]");
        return Persona.Loading.PersonaLoader.LoadFile(dir.Write("two-part.yaml", text));
    }

    private static MoodUpdate Offer(MoodMachine machine, string text) =>
        machine.Apply(Script.Said(text, Technique.Solution), CallEvents.None, TimeSpan.FromMinutes(1));

    [Fact]
    public void One_part_alone_does_not_meet_the_need_and_names_what_is_still_missing()
    {
        var machine = MoodMachine.Create(TwoPartNeed(), "standard", seed: 3);

        var update = Offer(machine, "I can send an engineer to check the meter this week.");

        Assert.False(update.CoreNeedMet);
        Assert.Equal(["bill paused"], machine.MissingNeedParts);
        Assert.Equal(ReactionKeys.PartialSolution, update.Reaction);
        Assert.Contains(update.Reasons, r => r.Contains("still missing: bill paused", StringComparison.Ordinal));
    }

    [Fact]
    public void The_need_is_met_once_every_part_has_been_offered_over_several_turns()
    {
        var machine = MoodMachine.Create(TwoPartNeed(), "standard", seed: 3);

        Offer(machine, "I'll put the bill on hold while we look into it.");
        var update = Offer(machine, "And I can book an engineer to test the meter on Thursday.");

        Assert.True(update.CoreNeedMet);
        Assert.Empty(machine.MissingNeedParts);
    }

    [Fact]
    public void Both_parts_in_one_offer_meet_the_need_at_once()
    {
        var machine = MoodMachine.Create(TwoPartNeed(), "standard", seed: 3);

        var update = Offer(machine, "Here's what I can do: I'll pause the bill and send an engineer to check the meter.");

        Assert.True(update.CoreNeedMet);
    }

    [Fact]
    public void Repeating_the_same_part_never_meets_the_need_and_anger_stays_at_the_floor()
    {
        var persona = TwoPartNeed();
        var machine = MoodMachine.Create(persona, "standard", seed: 3);

        for (var i = 0; i < 6; i++)
        {
            Offer(machine, $"I can send an engineer to check the meter, option {i}.");
            machine.Apply(Script.Say(Technique.Empathy), CallEvents.None, TimeSpan.FromMinutes(1));
        }

        Assert.False(machine.CoreNeedMet);
        Assert.Equal(CallOutcome.InProgress, machine.Outcome);
        Assert.True(machine.Anger >= persona.Needs.ResolvedBelow);
    }

    [Fact]
    public void The_parts_met_survive_a_snapshot()
    {
        var persona = TwoPartNeed();
        var machine = MoodMachine.Create(persona, "standard", seed: 3);
        Offer(machine, "I'll put the bill on hold for now.");

        var restored = MoodMachine.Restore(persona, "standard", 3, machine.Snapshot());
        Offer(restored, "I'll also get an engineer out to check the meter.");

        Assert.True(restored.CoreNeedMet);
    }

    [Fact]
    public void An_any_of_need_still_resolves_on_any_one_keyword()
    {
        var persona = Assert.Single(Persona.Loading.PersonaLoader.LoadFile(RepoPaths.Persona("stressed-traveler")).Personas);
        var machine = MoodMachine.Create(persona, "standard", seed: 3);

        var update = Offer(machine, "I've booked you on the 6:05 red eye.");

        Assert.True(update.CoreNeedMet);
        Assert.Empty(machine.MissingNeedParts);
    }

    [Fact]
    public void Lint_rejects_core_keywords_and_core_parts_together_and_parts_without_keywords()
    {
        using var dir = new TempDir();
        var text = PlantedMistakesTests.Clean().Replace(
            "  core_keywords: [check the meter]",
            "  core_keywords: [check the meter]\n  core_parts:\n    - name: bill paused\n      keywords: []\n    - name: bill paused\n      keywords: [pause]");

        var problems = Persona.Loading.PersonaLoader.LoadFile(dir.Write("x.yaml", text)).Problems;

        Assert.Contains(problems, p => p.Field == "needs.core_keywords" && p.Message.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "needs.core_parts[0].keywords");
        Assert.Contains(problems, p => p.Field == "needs.core_parts[1].name" && p.Message.Contains("names two parts", StringComparison.Ordinal));
    }
}
