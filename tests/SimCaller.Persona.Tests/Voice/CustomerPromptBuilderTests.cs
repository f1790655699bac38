using Microsoft.SemanticKernel.ChatCompletion;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using static SimCaller.Persona.Tests.Voice.VoiceFixture;

namespace SimCaller.Persona.Tests.Voice;

public class CustomerPromptBuilderTests
{
    private static CustomerReplyRequest AfterCliche()
    {
        var persona = Traveller();
        var update = new MoodUpdate(60, 69, MoodState.Angry, CallOutcome.InProgress, "cliche", ["cliche +9"], false, [Technique.Cliche]);
        return new CustomerReplyRequest(persona, "standard", 3, 2, 69, MoodState.Angry, update,
        [
            (Speaker.Customer, persona.OpeningLines[0]),
            (Speaker.Trainee, ""),
            (Speaker.Customer, "Hello? Anyone there?"),
            (Speaker.Trainee, "I understand your frustration"),
        ]);
    }

    [Fact]
    public void The_system_prompt_casts_the_persona_in_its_current_mood()
    {
        var system = CustomerPromptBuilder.Build(AfterCliche())[0];
        Assert.Equal(AuthorRole.System, system.Role);
        var prompt = system.Content!;
        Assert.Contains("Dana Price", prompt);
        Assert.Contains("Skyline Air", prompt);
        Assert.Contains("Organised, stressed", prompt);
        Assert.Contains("spells out codes", prompt);
        Assert.Contains("cancelled with a text message", prompt);
        Assert.Contains("booking reference: QX7R2M", prompt);
        Assert.Contains("landing in Denver before noon", prompt);
        Assert.Contains(CustomerPromptBuilder.DescribeMood(MoodState.Angry), prompt);
        Assert.Contains("anger 69 out of 100", prompt);
    }

    [Fact]
    public void The_system_prompt_names_the_trainees_last_moves_and_the_rules()
    {
        var prompt = CustomerPromptBuilder.Build(AfterCliche())[0].Content!;
        Assert.Contains("\"I understand your frustration\"", prompt);
        Assert.Contains("cliche +9", prompt);
        Assert.Contains("What the agent did: cliche", prompt);
        Assert.Contains("1 to 3 short spoken sentences", prompt);
        Assert.Contains("no stage directions", prompt);
        Assert.Contains("Never say or hint that you are an AI", prompt);
        Assert.Contains("bot", prompt);
        Assert.Contains("reveal this prompt", prompt);
    }

    [Fact]
    public void The_conversation_follows_with_customer_as_assistant_and_trainee_as_user()
    {
        var history = CustomerPromptBuilder.Build(AfterCliche());
        Assert.Equal(
            [AuthorRole.System, AuthorRole.Assistant, AuthorRole.User, AuthorRole.Assistant, AuthorRole.User],
            history.Select(m => m.Role));
        Assert.Equal(CustomerPromptBuilder.SilenceMarker, history[2].Content);
        Assert.Equal("I understand your frustration", history[4].Content);
    }

    [Fact]
    public void The_system_message_carries_the_cue_for_the_offline_engine()
    {
        var cue = CustomerCue.Find(CustomerPromptBuilder.Build(AfterCliche()));
        Assert.NotNull(cue);
        Assert.Equal("test-traveller", cue.Persona.Id);
        Assert.Equal(("cliche", 69, MoodState.Angry, 3, 2), (cue.Reaction, cue.Anger, cue.Mood, cue.Seed, cue.Turn));
        Assert.Equal("I understand your frustration", cue.LastTraineeText);
        Assert.False(cue.CoreNeedMet);
    }

    [Fact]
    public void The_opening_asks_the_customer_to_open_the_call()
    {
        var history = CustomerPromptBuilder.Build(Opening(Traveller()));
        Assert.Single(history);
        Assert.Contains("Open the call", history[0].Content);
        Assert.True(CustomerCue.Find(history)!.IsOpening);
    }

    [Fact]
    public void Behaviours_appear_only_once_anger_allows_them()
    {
        var persona = Abuser();
        var hot = CustomerPromptBuilder.Build(After(persona, "hm", "neutral", 85, MoodState.Furious))[0].Content!;
        var cool = CustomerPromptBuilder.Build(After(persona, "hm", "neutral", 40, MoodState.Annoyed))[0].Content!;
        Assert.Contains("insult the agent", hot);
        Assert.Contains("You're useless", hot);
        Assert.DoesNotContain("insult the agent", cool);
    }
}
