using Microsoft.SemanticKernel.ChatCompletion;
using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using static SimCaller.Persona.Tests.Voice.VoiceFixture;

namespace SimCaller.Persona.Tests.Voice;

public class OfflineCustomerEngineTests
{
    private readonly ICustomerVoice voice = KernelCustomerVoice.CreateOffline();

    private Task<string> Say(CustomerReplyRequest request) => voice.ReplyAsync(request);

    private static List<string> Lines(PersonaDefinition persona, string reaction, string mood) =>
        persona.Lines.Reactions[reaction][mood];

    [Fact]
    public async Task Opening_uses_the_personas_own_opening_line()
    {
        var persona = Traveller();
        Assert.Equal(persona.OpeningLines[0], await Say(Opening(persona)));
    }

    [Theory]
    [InlineData("can i have your booking reference please", "clarifying_question")]
    [InlineData("What's the confirmation number on your booking?", "neutral")]
    [InlineData("um sorry whats the pnr", "clarifying_question")]
    public async Task A_fact_question_gets_the_facts_value(string question, string reaction)
    {
        var reply = await Say(After(Traveller(), question, reaction, 65, MoodState.Angry));
        Assert.Contains("QX7R2M", reply);
    }

    [Fact]
    public async Task The_fact_with_the_most_keyword_hits_answers()
    {
        var reply = await Say(After(Traveller(), "and what was the flight number", "clarifying_question", 65, MoodState.Angry));
        Assert.Contains("SK 418", reply);
        Assert.DoesNotContain("QX7R2M", reply);
    }

    [Fact]
    public async Task A_paraphrase_that_mentions_a_fact_is_not_taken_as_a_request_for_it()
    {
        var reply = await Say(After(Traveller(), "so your booking got cancelled with just a text?", "paraphrase", 65, MoodState.Angry));
        Assert.DoesNotContain("QX7R2M", reply);
    }

    [Theory]
    [InlineData("What can I help you with today?")]
    [InlineData("how can i help")]
    [InlineData("Okay, tell me what happened.")]
    public async Task The_open_door_question_is_answered_with_the_customer_s_problem(string question)
    {
        var persona = Traveller();
        persona.Lines.Reminders = ["It's my sister's wedding and you cancelled my flight."];

        var reply = await Say(After(persona, question, "clarifying_question", 65, MoodState.Angry));

        Assert.StartsWith(persona.Lines.Reminders[0], reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_about_something_unknown_gets_no_invented_fact()
    {
        var persona = Traveller();
        var reply = await Say(After(persona, "what's your date of birth?", "clarifying_question", 65, MoodState.Angry));
        Assert.DoesNotContain("QX7R2M", reply);
        Assert.DoesNotContain("SK 418", reply);
        Assert.Contains(FallbackLines.DoNotKnow(persona.Scenario, MoodState.Angry), line => reply.StartsWith(line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Being_told_to_calm_down_gets_an_irritated_line()
    {
        var persona = Traveller();
        var reply = await Say(After(persona, "ok calm down", "dismissive", 78, MoodState.Angry));
        Assert.Contains(Lines(persona, "dismissive", "angry"), line => reply.StartsWith(line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mood_without_lines_uses_the_nearest_mood()
    {
        var persona = Traveller();
        // Apology has only frustrated lines; an angry customer gets those rather than nothing.
        var apology = await Say(After(persona, "I'm so sorry the airline let you down", "apology", 70, MoodState.Angry));
        Assert.StartsWith("Thanks, but sorry won't get me to Denver.", apology);

        // Neutral has annoyed and angry on either side of frustrated: the angrier one wins the tie.
        var neutral = await Say(After(persona, "let me look", "neutral", 55, MoodState.Frustrated));
        Assert.Contains(Lines(persona, "neutral", "angry"), line => neutral.StartsWith(line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reaction_the_persona_lacks_falls_back_to_neutral()
    {
        var persona = Traveller();
        var reply = await Say(After(persona, "thanks for your patience", "gratitude", 30, MoodState.Annoyed));
        Assert.Contains(Lines(persona, "neutral", "annoyed"), line => reply.StartsWith(line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_persona_without_any_lines_still_says_something_in_character()
    {
        var persona = Traveller();
        persona.Lines = new ReplyLines();
        persona.OpeningLines = [];
        var opening = await Say(Opening(persona));
        var reply = await Say(After(persona, "hmm", "neutral", 80, MoodState.Angry));
        Assert.Contains("flight to Denver", opening);
        Assert.Contains("flight to Denver", reply);
    }

    [Fact]
    public async Task Replies_vary_within_a_call_and_do_not_repeat_while_unused_lines_remain()
    {
        var persona = Traveller();
        var history = new List<(Speaker, string)> { (Speaker.Customer, persona.OpeningLines[0]) };
        var replies = new List<string>();
        for (var turn = 1; turn <= 3; turn++)
        {
            var request = After(persona, "that sounds really stressful", "empathy", 50, MoodState.Frustrated, turn: turn, history: history, coreNeedMet: true);
            var reply = await Say(request);
            replies.Add(reply);
            history = [.. request.History, (Speaker.Customer, reply)];
        }
        Assert.Equal(3, replies.Distinct().Count());
        Assert.All(Lines(persona, "empathy", "frustrated"), line => Assert.Contains(line, replies));
    }

    [Fact]
    public async Task The_same_seed_replays_the_same_replies()
    {
        var persona = Traveller();
        for (var turn = 1; turn <= 5; turn++)
        {
            var request = After(persona, "hold on", "neutral", 70, MoodState.Angry, seed: 42, turn: turn);
            Assert.Equal(await Say(request), await KernelCustomerVoice.CreateOffline().ReplyAsync(request));
        }
    }

    [Fact]
    public async Task Different_seeds_give_different_replies()
    {
        var persona = Traveller();
        var replies = new HashSet<string>();
        for (var seed = 1; seed <= 12; seed++)
        {
            replies.Add(await Say(After(persona, "hold on", "neutral", 70, MoodState.Angry, seed: seed)));
        }
        Assert.True(replies.Count > 1, "twelve seeds all gave: " + string.Join(" | ", replies));
    }

    [Fact]
    public async Task An_abusive_customer_insults_at_high_anger_and_not_at_low_anger()
    {
        var persona = Abuser();
        var hot = new List<string>();
        var cool = new List<string>();
        for (var turn = 1; turn <= 8; turn++)
        {
            hot.Add(await Say(After(persona, "let me check", "neutral", 85, MoodState.Furious, turn: turn)));
            cool.Add(await Say(After(persona, "let me check", "neutral", 30, MoodState.Annoyed, turn: turn)));
        }
        Assert.Contains(hot, reply => persona.Behaviours.Insults.Any(reply.Contains));
        Assert.DoesNotContain(cool, reply => persona.Behaviours.Insults.Any(reply.Contains));
    }

    [Fact]
    public async Task A_polite_customer_never_insults_even_when_furious()
    {
        var persona = Traveller();
        persona.Behaviours.Insults = ["What an idiot."];
        for (var turn = 1; turn <= 8; turn++)
        {
            Assert.DoesNotContain("idiot", await Say(After(persona, "let me check", "neutral", 90, MoodState.Furious, turn: turn)));
        }
    }

    [Fact]
    public async Task An_angry_customer_presses_the_unmet_need_but_not_once_it_is_met()
    {
        var persona = Traveller();
        const string reminder = "I need to be in Denver before noon tomorrow.";
        var unmet = new List<string>();
        for (var turn = 1; turn <= 8; turn++)
        {
            unmet.Add(await Say(After(persona, "one moment", "neutral", 75, MoodState.Angry, turn: turn)));
            Assert.DoesNotContain(reminder, await Say(After(persona, "one moment", "neutral", 75, MoodState.Angry, turn: turn, coreNeedMet: true)));
        }
        Assert.Contains(unmet, reply => reply.EndsWith(reminder, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tangent_prone_customer_wanders_off_topic_sometimes()
    {
        var persona = Traveller();
        persona.Behaviours.TangentChance = 0.5;
        persona.Behaviours.Tangents = ["Did you know my cat hates airports?"];
        var replies = new List<string>();
        for (var turn = 1; turn <= 10; turn++)
        {
            replies.Add(await Say(After(persona, "ok", "neutral", 20, MoodState.Calm, turn: turn, coreNeedMet: true)));
        }
        Assert.Contains(replies, r => r.Contains("cat hates airports"));
        Assert.Contains(replies, r => !r.Contains("cat hates airports"));
    }

    [Fact]
    public async Task A_hang_up_line_stands_alone()
    {
        var persona = Abuser();
        persona.Lines.Reactions["hang_up"] = new() { ["furious"] = ["Forget it. I'm done with you people."] };
        for (var turn = 1; turn <= 5; turn++)
        {
            Assert.Equal("Forget it. I'm done with you people.", await Say(After(persona, "policy is policy", "hang_up", 100, MoodState.Furious, turn: turn)));
        }
    }

    [Theory]
    [InlineData("are you a bot")]
    [InlineData("Am I talking to a real person or an AI?")]
    [InlineData("be honest, you're an AI aren't you")]
    public async Task Asked_if_it_is_a_bot_the_customer_stays_a_human(string question)
    {
        var persona = Traveller();
        var reply = await Say(After(persona, question, "clarifying_question", 75, MoodState.Angry));
        Assert.StartsWith("A bot? I'm a human being who's about to miss a wedding!", reply);

        persona.Lines.Reactions.Remove("meta");
        var generic = await Say(After(persona, question, "clarifying_question", 75, MoodState.Angry));
        Assert.Contains("real", generic);
        Assert.DoesNotContain("language model", generic, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("assistant", generic, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("I am an AI", generic, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Streaming_gives_the_same_line_as_a_plain_reply()
    {
        var request = After(Abuser(), "let me check", "neutral", 85, MoodState.Furious, turn: 3);
        var pieces = new List<string>();
        await foreach (var piece in voice.StreamReplyAsync(request))
        {
            pieces.Add(piece);
        }
        Assert.Equal(await Say(request), string.Concat(pieces));

        var chunks = new List<string>();
        await foreach (var chunk in new OfflineCustomerEngine().GetStreamingChatMessageContentsAsync(CustomerPromptBuilder.Build(request)))
        {
            chunks.Add(chunk.Content!);
        }
        Assert.Equal(await Say(request), string.Concat(chunks));
    }

    [Fact]
    public void A_history_without_a_cue_is_refused_with_a_clear_message()
    {
        var history = new ChatHistory("You are a customer.");
        var error = Assert.Throws<ArgumentException>(() => new OfflineCustomerEngine().Reply(history));
        Assert.Contains(CustomerCue.MetadataKey, error.Message);
    }
}
