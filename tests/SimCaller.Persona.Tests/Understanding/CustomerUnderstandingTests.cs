using Microsoft.Extensions.Logging.Abstractions;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Mood;
using SimCaller.Persona.Voice;
using SimCaller.Understanding;

namespace SimCaller.Persona.Tests.Understanding;

/// <summary>The customer answers what was asked, on the turn it was asked, and notices off-topic questions.</summary>
[Collection(SentenceModelCollection.Name)]
public sealed class CustomerUnderstandingTests(SentenceModelFixture model)
{
    private static readonly PersonaDefinition Traveller = SentenceModelFixture.Shipped("stressed-traveler");

    private string Reply(PersonaDefinition persona, string said, string reaction, MoodState mood = MoodState.Angry, IReadOnlyList<string>? before = null, int turn = 1)
    {
        var history = new List<(Speaker, string)> { (Speaker.Customer, persona.OpeningLines[0]) };
        foreach (var line in before ?? [])
        {
            history.Add((Speaker.Trainee, "..."));
            history.Add((Speaker.Customer, line));
        }
        history.Add((Speaker.Trainee, said));
        var update = new MoodUpdate(65, 65, mood, CallOutcome.InProgress, reaction, [], false, []);
        var request = new CustomerReplyRequest(persona, "standard", 7, turn, 65, mood, update, history);
        return model.Engine.Reply(CustomerPromptBuilder.Build(request));
    }

    private static IEnumerable<string> AnswersTo(PersonaDefinition persona, string topic)
    {
        var fact = persona.Scenario.Facts.Single(f => f.Topic == topic);
        return fact.Answers.Select(a => a.Replace("{value}", fact.Value, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Where do you need to get to, and by when?")]
    [InlineData("When does the ceremony start?")]
    [InlineData("What time is the wedding?")]
    public void The_issues_deadline_questions_get_the_deadline(string question)
    {
        var reply = Reply(Traveller, question, "clarifying_question");
        Assert.Contains(AnswersTo(Traveller, "deadline"), answer => reply.StartsWith(answer, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I'm so sorry, I know tonight has been a nightmare and you must be exhausted. Where do you need to get to, and by when?")]
    [InlineData("Right. Okay. Thanks for bearing with me while I pulled your file up, and sorry again for all this. What time is the wedding?")]
    public void A_question_after_other_sentences_is_still_heard_and_answered(string said)
    {
        Assert.Equal("deadline", model.Reader.Read(said, Traveller).Fact?.Topic);
        var reply = Reply(Traveller, said, "clarifying_question");
        Assert.Contains(AnswersTo(Traveller, "deadline"), answer => reply.StartsWith(answer, StringComparison.Ordinal));
    }

    [Fact]
    public void A_question_with_a_harmful_edge_is_answered_first_then_reacted_to()
    {
        var reply = Reply(Traveller, "Calm down. What's your booking reference?", "dismissive");
        Assert.Contains(AnswersTo(Traveller, "booking reference"), answer => reply.StartsWith(answer, StringComparison.Ordinal));
        Assert.True(reply.Length > AnswersTo(Traveller, "booking reference").Max(a => a.Length) || Traveller.Lines.Reactions["dismissive"].Values.SelectMany(l => l).Any(l => reply.Contains(l.Split(']').Last().Trim(), StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("What's your favourite colour?")]
    [InlineData("did you see the match last night")]
    public void An_off_topic_question_gets_a_puzzled_or_impatient_line_not_a_fact(string question)
    {
        Assert.Null(model.Reader.Read(question, Traveller).Fact);

        var reply = Reply(Traveller, question, "neutral", MoodState.Frustrated);
        Assert.Contains(Traveller.Lines.Reactions["off_topic"]["frustrated"], line => reply.StartsWith(line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_question_the_customer_cannot_answer_gets_their_clarifying_question_line()
    {
        var reply = Reply(Traveller, "what's your shoe size", "clarifying_question");
        Assert.Contains(Traveller.Lines.Reactions["clarifying_question"]["angry"], line => reply.StartsWith(line, StringComparison.Ordinal));
    }

    [Fact]
    public void Among_a_moods_lines_the_one_closest_to_the_trainees_words_is_preferred()
    {
        var persona = SentenceModelFixture.Shipped("stressed-traveler");
        persona.Lines.Reactions["empathy"] = new()
        {
            ["angry"] = ["Thank you. The wedding is all I can think about.", "Fine.", "Whatever you say.", "Noted."],
        };
        var replies = Enumerable.Range(1, 6).Select(seed =>
        {
            var history = new List<(Speaker, string)> { (Speaker.Customer, persona.OpeningLines[0]), (Speaker.Trainee, "missing your sister's wedding would be heartbreaking") };
            var update = new MoodUpdate(65, 65, MoodState.Angry, CallOutcome.InProgress, "empathy", [], false, []);
            return model.Engine.Reply(CustomerPromptBuilder.Build(new CustomerReplyRequest(persona, "standard", seed, 1, 65, MoodState.Angry, update, history)));
        }).ToArray();
        Assert.True(replies.Count(r => r.StartsWith("Thank you. The wedding", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public void Without_the_model_the_customer_falls_back_to_keywords_and_keeps_talking()
    {
        var reader = new FallbackTraineeReader(new SemanticTraineeReader(new BrokenEmbedder()), KeywordTraineeReader.Instance, NullLogger.Instance);
        var engine = new OfflineCustomerEngine(reader);
        var history = new List<(Speaker, string)> { (Speaker.Customer, Traveller.OpeningLines[0]), (Speaker.Trainee, "can I have the booking reference") };
        var update = new MoodUpdate(65, 65, MoodState.Angry, CallOutcome.InProgress, "clarifying_question", [], false, [Technique.ClarifyingQuestion]);
        var reply = engine.Reply(CustomerPromptBuilder.Build(new CustomerReplyRequest(Traveller, "standard", 7, 1, 65, MoodState.Angry, update, history)));
        Assert.Contains("QX7R2M", reply);
    }

    private sealed class BrokenEmbedder : ISentenceEmbedder
    {
        public float[][] Embed(IReadOnlyList<string> sentences) => throw new EmbeddingUnavailableException("model file missing (test)");
    }
}
