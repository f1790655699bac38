using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using static SimCaller.Persona.Tests.Voice.VoiceFixture;

namespace SimCaller.Persona.Tests.Voice;

/// <summary>The offline engine speaking the persona files trainees actually get.</summary>
public class ShippedPersonaVoiceTests
{
    private static readonly IReadOnlyList<PersonaDefinition> Shipped = PersonaLoader.LoadDirectory(RepoPaths.Personas).Personas;

    private readonly ICustomerVoice voice = KernelCustomerVoice.CreateOffline();

    [Fact]
    public async Task Every_reaction_in_every_mood_gets_a_finished_line()
    {
        Assert.NotEmpty(Shipped);
        foreach (var persona in Shipped)
        {
            foreach (var reaction in ReactionKeys.Moments.Concat(Core.Techniques.TechniqueIds.AllIds))
            {
                foreach (var mood in Enum.GetValues<MoodState>())
                {
                    var reply = await voice.ReplyAsync(After(persona, "okay", reaction, AngerOf(mood), mood));
                    Assert.False(string.IsNullOrWhiteSpace(reply), $"{persona.Id}/{reaction}/{mood}: empty");
                    Assert.DoesNotContain("{", reply);
                }
            }
        }
    }

    [Fact]
    public async Task A_question_about_something_they_do_not_know_gets_their_own_reaction_to_being_asked()
    {
        foreach (var persona in Shipped)
        {
            var own = persona.Lines.Reactions["clarifying_question"]["angry"].Select(l => ReplyLine.Parse(l).Text).ToArray();
            var reply = await voice.ReplyAsync(After(persona, "what colour is your front door?", "clarifying_question", 70, MoodState.Angry));
            Assert.True(own.Any(line => reply.StartsWith(line, StringComparison.Ordinal)), $"{persona.Id}: '{reply}' is not one of its own angry clarifying_question lines");
        }
    }

    [Fact]
    public async Task Every_fact_is_given_when_asked_for_by_its_topic()
    {
        Assert.NotEmpty(Shipped);
        foreach (var persona in Shipped)
        {
            foreach (var fact in persona.Scenario.Facts)
            {
                var request = After(persona, $"could you tell me the {fact.Topic}", "clarifying_question", 50, MoodState.Frustrated);
                var reply = await voice.ReplyAsync(request);
                var answers = fact.Answers.Select(a => a.Replace("{value}", fact.Value, StringComparison.OrdinalIgnoreCase));
                Assert.True(answers.Any(a => reply.StartsWith(a, StringComparison.Ordinal)),
                    $"{persona.Id}: asked for the {fact.Topic}, got: {reply}");
            }
        }
    }

    [Fact]
    public async Task Opening_lines_come_from_the_persona_file()
    {
        Assert.NotEmpty(Shipped);
        foreach (var persona in Shipped)
        {
            Assert.Contains(await voice.ReplyAsync(Opening(persona)), persona.OpeningLines);
        }
    }

    [Fact]
    public async Task The_shipped_abusive_caller_insults_only_when_hot()
    {
        var persona = Shipped.FirstOrDefault(p => p.Behaviours.Abusive);
        Assert.NotNull(persona);
        var insultFrom = persona.Behaviours.InsultsAbove!.Value;
        var hot = new List<string>();
        for (var turn = 1; turn <= 8; turn++)
        {
            hot.Add(await voice.ReplyAsync(After(persona, "let me see", "neutral", Math.Max(insultFrom, 85), MoodState.Furious, turn: turn)));
            var cool = await voice.ReplyAsync(After(persona, "let me see", "neutral", insultFrom - 30, MoodState.Annoyed, turn: turn));
            Assert.DoesNotContain(persona.Behaviours.Insults, cool.Contains);
        }
        Assert.Contains(hot, reply => persona.Behaviours.Insults.Any(reply.Contains));
    }

    private static int AngerOf(MoodState mood) => (int)mood * 20 + 10;
}
