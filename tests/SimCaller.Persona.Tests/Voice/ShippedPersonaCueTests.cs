using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using static SimCaller.Persona.Tests.Voice.VoiceFixture;

namespace SimCaller.Persona.Tests.Voice;

/// <summary>The shipped personas' echo lines: said when the trainee's words fit, never otherwise.</summary>
public class ShippedPersonaCueTests
{
    private static readonly IReadOnlyList<PersonaDefinition> Shipped = PersonaLoader.LoadDirectory(RepoPaths.Personas).Personas;

    // Words no cue listens for, so only generic lines fit.
    private const string Unrelated = "okay";

    private static readonly string Clarifying = Technique.ClarifyingQuestion.ToId();

    private readonly ICustomerVoice voice = KernelCustomerVoice.CreateOffline();

    [Fact]
    public void Every_mood_of_every_reaction_has_generic_lines_and_the_personas_do_echo()
    {
        Assert.Equal(4, Shipped.Count);
        foreach (var persona in Shipped)
        {
            var cued = 0;
            foreach (var (reaction, byMood) in persona.Lines.Reactions)
            {
                foreach (var (mood, lines) in byMood)
                {
                    var parsed = lines.Select(ReplyLine.Parse).ToArray();
                    Assert.True(parsed.Count(l => !l.IsCued) >= 2, $"{persona.Id}/{reaction}/{mood}: fewer than 2 lines without a cue");
                    Assert.DoesNotContain(parsed, l => l.Cues.Any(c => TraineeWords.Says(Unrelated, c)));
                    cued += parsed.Count(l => l.IsCued);
                }
            }
            Assert.True(cued >= 10, $"{persona.Id}: only {cued} echo lines");
        }
    }

    [Fact]
    public async Task Every_reaction_in_every_mood_can_be_answered_with_a_generic_line_and_never_with_an_echo()
    {
        foreach (var persona in Shipped)
        {
            // Clarifying questions are answered from the facts, not from lines.
            foreach (var reaction in ReactionKeys.All.Where(r => r != Clarifying))
            {
                var lines = persona.Lines.Reactions[reaction].Values.SelectMany(l => l).Select(ReplyLine.Parse).ToArray();
                var generic = lines.Where(l => !l.IsCued).Select(l => l.Text).ToArray();
                var echoes = lines.Where(l => l.IsCued).Select(l => l.Text).ToArray();
                foreach (var mood in Enum.GetValues<MoodState>())
                {
                    for (var seed = 1; seed <= 4; seed++)
                    {
                        var reply = await voice.ReplyAsync(After(persona, Unrelated, reaction, (int)mood * 20 + 10, mood, seed: seed));
                        Assert.True(generic.Any(g => reply.StartsWith(g, StringComparison.Ordinal)), $"{persona.Id}/{reaction}/{mood}: '{reply}' is not a generic line");
                        Assert.DoesNotContain(echoes, e => reply.StartsWith(e, StringComparison.Ordinal));
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Every_echo_is_said_when_the_trainee_uses_its_phrase_as_speech_to_text_writes_it()
    {
        foreach (var persona in Shipped)
        {
            foreach (var (reaction, byMood) in persona.Lines.Reactions.Where(r => r.Key != Clarifying))
            {
                foreach (var (moodId, raw) in byMood)
                {
                    Assert.True(MoodStateIds.TryParse(moodId, out var mood));
                    var lines = raw.Select(ReplyLine.Parse).ToArray();
                    foreach (var cue in lines.SelectMany(l => l.Cues))
                    {
                        // Lowercase, no punctuation, a filler in front: how a phone call arrives.
                        var said = "um " + string.Join(' ', TraineeWords.Words(cue));
                        var fits = lines.Where(l => l.Cues.Any(c => TraineeWords.Says(said, c))).Select(l => l.Text).ToArray();
                        var reply = await voice.ReplyAsync(After(persona, said, reaction, (int)mood * 20 + 10, mood));
                        Assert.True(fits.Any(f => reply.StartsWith(f, StringComparison.Ordinal)), $"{persona.Id}/{reaction}/{moodId}: said '{said}', got '{reply}'");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Told_it_is_not_our_problem_the_traveller_does_not_answer_as_if_told_to_calm_down()
    {
        var persona = Shipped.Single(p => p.Id == "stressed-traveler");
        foreach (var mood in Enum.GetValues<MoodState>())
        {
            for (var seed = 1; seed <= 30; seed++)
            {
                var reply = await voice.ReplyAsync(After(persona, "that's not my problem, you should have bought insurance", "dismissive",
                    (int)mood * 20 + 10, mood, seed: seed));
                Assert.DoesNotContain("calm down", reply, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
