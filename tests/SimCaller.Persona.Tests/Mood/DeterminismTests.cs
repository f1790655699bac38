using System.Text.Json;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Mood;
using static SimCaller.Persona.Tests.Mood.Script;

namespace SimCaller.Persona.Tests.Mood;

public class DeterminismTests
{
    private static readonly (UtteranceAnalysis Turn, CallEvents Events)[] Call =
    [
        (Said("yeah yeah calm down it is just a flight", Technique.Rude, Technique.Dismissive), CallEvents.None),
        (Said("sorry about that, that was out of line of me", Technique.Apology), CallEvents.None),
        (Said("so your flight was cancelled and the wedding is tomorrow morning", Technique.Paraphrase), CallEvents.None),
        (Nothing(), CallEvents.Silence),
        (Said("i understand your frustration", Technique.Cliche), CallEvents.TalkOver),
        (Said("that is awful, anyone would be shaken", Technique.Empathy), CallEvents.None),
        (Said("i will rebook you on the first flight at 6:05", Technique.Solution, Technique.Ownership), CallEvents.None),
        (Said("you will get the boarding pass by text in ten minutes", Technique.Expectation), CallEvents.None),
        (Said("does that work for you", Technique.CheckSatisfaction), CallEvents.None),
    ];

    [Fact]
    public void The_same_seed_plays_the_same_call()
    {
        var first = Play(MoodMachine.Create(Load("stressed-traveler"), "hard", 42), Call);
        var second = Play(MoodMachine.Create(Load("stressed-traveler"), "hard", 42), Call);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_vary_the_call()
    {
        var baseline = Play(MoodMachine.Create(Load("stressed-traveler"), "standard", 0), Call);

        Assert.Contains(Enumerable.Range(1, 20), seed =>
            Play(MoodMachine.Create(Load("stressed-traveler"), "standard", seed), Call) != baseline);
    }

    [Fact]
    public void A_restored_snapshot_continues_exactly_like_the_original()
    {
        var persona = Load("stressed-traveler");
        var original = MoodMachine.Create(persona, "standard", 9);
        Play(original, Call[..4]);
        var json = JsonSerializer.Serialize(original.Snapshot());

        var restored = MoodMachine.Restore(persona, "standard", 9, JsonSerializer.Deserialize<MoodSnapshot>(json)!);

        Assert.Equal(original.Anger, restored.Anger);
        Assert.Equal(Play(original, Call[4..]), Play(restored, Call[4..]));
        Assert.Equal(JsonSerializer.Serialize(original.Snapshot()), JsonSerializer.Serialize(restored.Snapshot()));
    }

    [Fact]
    public void A_snapshot_survives_snake_case_json_as_stored_by_sessions()
    {
        var persona = Load("abusive-caller");
        var original = MoodMachine.Create(persona, "hard", 3);
        Play(original, Call[..3]);
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

        var json = JsonSerializer.Serialize(original.Snapshot(), options);
        var restored = MoodMachine.Restore(persona, "hard", 3, JsonSerializer.Deserialize<MoodSnapshot>(json, options)!);

        Assert.Contains("\"technique_counts\"", json);
        Assert.Equal(Play(original, Call[3..]), Play(restored, Call[3..]));
    }

    [Fact]
    public void A_snapshot_from_another_call_is_refused()
    {
        var persona = Load("stressed-traveler");
        var snapshot = MoodMachine.Create(persona, "standard", 9).Snapshot();

        var error = Assert.Throws<ArgumentException>(() => MoodMachine.Restore(persona, "standard", 10, snapshot));

        Assert.Contains("seed 9", error.Message);
    }

    /// <summary>The whole observable course of a call, as one comparable string.</summary>
    private static string Play(MoodMachine machine, IEnumerable<(UtteranceAnalysis Turn, CallEvents Events)> turns) =>
        string.Join("\n", turns.Select(t => machine.Apply(t.Turn, t.Events, TimeSpan.FromMinutes(1)))
            .Select(u => $"{u.AngerBefore}->{u.AngerAfter} {u.State} {u.Outcome} {u.Reaction} [{string.Join("; ", u.Reasons)}]"));
}
