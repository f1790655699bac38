using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;

namespace SimCaller.Persona.Tests.Understanding;

/// <summary>
/// Turns that make no progress wear an upset customer's patience, by persona data; the customer does not
/// repeat one sentence more than twice while other lines remain; calls replay the same per seed.
/// </summary>
[Collection(SentenceModelCollection.Name)]
public sealed class StallingTests(SentenceModelFixture model)
{
    private static readonly string[] Staller = ["okay", "one moment", "mm-hmm", "still checking", "okay", "one moment", "mm-hmm", "still checking", "okay", "one moment", "mm-hmm", "still checking", "okay", "one moment"];

    [Theory]
    [InlineData("stressed-traveler")]
    [InlineData("abusive-caller")]
    [InlineData("off-topic-ranter")]
    public void Fourteen_turns_of_stalling_anger_every_shipped_customer(string id)
    {
        var machine = MoodMachine.Create(SentenceModelFixture.Shipped(id), "standard", 7);
        var start = machine.Anger;
        foreach (var line in Staller.TakeWhile(_ => !machine.IsOver))
        {
            machine.Apply(UtteranceAnalysis.Empty(line), CallEvents.None, TimeSpan.FromMinutes(1));
        }
        Assert.True(machine.Anger > start + 15 || machine.Outcome == CallOutcome.HungUp, $"{id}: anger {start} -> {machine.Anger}");
    }

    [Fact]
    public void One_short_let_me_check_is_fine()
    {
        var machine = MoodMachine.Create(SentenceModelFixture.Shipped("stressed-traveler"), "standard", 7);
        var update = machine.Apply(UtteranceAnalysis.Empty("let me check"), CallEvents.None, TimeSpan.FromMinutes(1));
        Assert.Equal(update.AngerBefore, update.AngerAfter);
    }

    [Fact]
    public void Something_real_ends_the_run_of_stalling()
    {
        var machine = MoodMachine.Create(SentenceModelFixture.Shipped("stressed-traveler"), "standard", 7);
        machine.Apply(UtteranceAnalysis.Empty("okay"), CallEvents.None, TimeSpan.Zero);
        machine.Apply(new UtteranceAnalysis("what's the booking reference", [new TechniqueMatch(Technique.ClarifyingQuestion, "what is the booking reference")]), CallEvents.None, TimeSpan.Zero);
        var after = machine.Apply(UtteranceAnalysis.Empty("one moment"), CallEvents.None, TimeSpan.Zero);
        Assert.Equal(after.AngerBefore, after.AngerAfter);
    }

    [Fact]
    public void A_stalling_call_never_hears_one_sentence_more_than_twice_and_replays_per_seed()
    {
        var first = Play(seed: 11);
        var again = Play(seed: 11);
        Assert.Equal(first, again);

        var sentences = first.SelectMany(r => System.Text.RegularExpressions.Regex.Split(r, @"(?<=[.!?])\s+"))
            .Where(s => s.Length > 0)
            .GroupBy(s => s)
            .Where(g => g.Count() > 2)
            .Select(g => $"{g.Key} x{g.Count()}")
            .ToArray();
        Assert.True(sentences.Length == 0, "said more than twice: " + string.Join("; ", sentences));
    }

    private List<string> Play(int seed)
    {
        var persona = SentenceModelFixture.Shipped("stressed-traveler");
        var machine = MoodMachine.Create(persona, "standard", seed);
        var history = new List<(Speaker, string)> { (Speaker.Customer, persona.OpeningLines[0]) };
        var replies = new List<string>();
        var turn = 0;
        foreach (var line in Staller)
        {
            if (machine.IsOver)
            {
                break;
            }
            var update = machine.Apply(UtteranceAnalysis.Empty(line), CallEvents.None, TimeSpan.FromMinutes(turn));
            history.Add((Speaker.Trainee, line));
            var request = new CustomerReplyRequest(persona, "standard", seed, ++turn, machine.Anger, machine.State, update, history);
            var reply = model.Engine.Reply(CustomerPromptBuilder.Build(request));
            history.Add((Speaker.Customer, reply));
            replies.Add(reply);
        }
        return replies;
    }
}
