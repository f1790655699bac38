using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using static SimCaller.Persona.Tests.Voice.VoiceFixture;

namespace SimCaller.Persona.Tests.Voice;

/// <summary>Lines that echo the trainee ("Calm down? CALM DOWN?") come out only after the trainee said those words.</summary>
public class CuedLineTests
{
    private const string Echo = "Calm down? CALM DOWN?";

    private readonly ICustomerVoice voice = KernelCustomerVoice.CreateOffline();

    private static PersonaDefinition Persona()
    {
        var persona = Traveller();
        persona.Lines.Reactions["dismissive"] = new()
        {
            ["angry"] = ["[calm down|relax] " + Echo, "Don't brush me off like that.", "That's a rotten thing to say to me."],
            ["furious"] = ["[don't worry] Don't worry? I'm past worrying!", "[no big deal] No big deal? Says you!"],
            ["frustrated"] = ["Don't wave this away."],
        };
        return persona;
    }

    [Theory]
    [InlineData("Calm down, madam. We'll sort it.")]
    [InlineData("ok just calm down")]
    [InlineData("you need to CALM DOWN!!")]
    [InlineData("calm um down please")]
    [InlineData("please relax")]
    public async Task The_echo_is_preferred_when_the_trainee_said_the_phrase(string trainee)
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            Assert.StartsWith(Echo, await voice.ReplyAsync(After(Persona(), trainee, "dismissive", 78, MoodState.Angry, seed: seed)));
        }
    }

    [Theory]
    [InlineData("that's not my problem, you should have bought insurance")]
    [InlineData("let's calmly look at the downtown office")]
    [InlineData("it's a relaxing route")]
    [InlineData("")]
    public async Task The_echo_is_never_said_when_the_trainee_did_not_say_the_phrase(string trainee)
    {
        var replies = new HashSet<string>();
        for (var seed = 1; seed <= 40; seed++)
        {
            for (var turn = 1; turn <= 3; turn++)
            {
                replies.Add(await voice.ReplyAsync(After(Persona(), trainee, "dismissive", 78, MoodState.Angry, seed: seed, turn: turn)));
            }
        }
        Assert.DoesNotContain(replies, r => r.Contains("CALM DOWN", StringComparison.OrdinalIgnoreCase) || r.Contains('['));
        Assert.Contains(replies, r => r.StartsWith("Don't brush me off", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.StartsWith("That's a rotten thing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dont worry we will get there")]
    [InlineData("Don\u2019t worry, Dana.")]
    [InlineData("DON'T WORRY")]
    public async Task Apostrophes_and_case_do_not_matter(string trainee)
    {
        var reply = await voice.ReplyAsync(After(Persona(), trainee, "dismissive", 95, MoodState.Furious));
        Assert.StartsWith("Don't worry? I'm past worrying!", reply);
    }

    [Fact]
    public async Task A_mood_with_only_echoes_none_of_which_fit_uses_the_nearest_mood_with_a_line_that_fits()
    {
        var persona = Persona();
        var frustrated = persona.Lines.Reactions["dismissive"]["frustrated"];
        for (var seed = 1; seed <= 10; seed++)
        {
            var reply = await voice.ReplyAsync(After(persona, "it's only a flight", "dismissive", 95, MoodState.Furious, seed: seed));
            // Angry is nearer than frustrated, and its generic lines fit.
            Assert.Contains(new[] { "Don't brush me off like that.", "That's a rotten thing to say to me." }, l => reply.StartsWith(l, StringComparison.Ordinal));
        }
        persona.Lines.Reactions["dismissive"].Remove("angry");
        Assert.StartsWith(frustrated[0], await voice.ReplyAsync(After(persona, "it's only a flight", "dismissive", 95, MoodState.Furious)));
    }

    [Fact]
    public async Task An_echo_already_said_gives_way_to_a_fresh_generic_line()
    {
        var persona = Persona();
        var history = new List<(Speaker, string)> { (Speaker.Customer, persona.OpeningLines[0]), (Speaker.Trainee, "calm down"), (Speaker.Customer, Echo) };

        var reply = await voice.ReplyAsync(After(persona, "I said calm down", "dismissive", 78, MoodState.Angry, turn: 2, history: history));

        Assert.DoesNotContain("CALM DOWN", reply);
    }

    [Fact]
    public async Task A_malformed_line_in_a_persona_built_in_code_is_never_read_out()
    {
        var persona = Persona();
        persona.Lines.Reactions["dismissive"]["angry"] = ["[calm down Calm down?", "Don't brush me off like that."];
        for (var seed = 1; seed <= 10; seed++)
        {
            Assert.StartsWith("Don't brush me off like that.", await voice.ReplyAsync(After(persona, "calm down", "dismissive", 78, MoodState.Angry, seed: seed)));
        }
    }

    [Theory]
    [InlineData("calm down", "Calm down, sir.", true)]
    [InlineData("calm down", "calmdown", false)]
    [InlineData("calm down", "calm downtown", false)]
    [InlineData("just one day", "it's just uh one day", true)]
    [InlineData("you're right", "youre right about that", true)]
    [InlineData("um", "um", false)]
    public void Says_matches_whole_words_ignoring_case_punctuation_and_fillers(string phrase, string text, bool expected)
    {
        Assert.Equal(expected, TraineeWords.Says(text, phrase));
    }
}
