using SimCaller.Persona.Definitions;
using SimCaller.Persona.Voice;

namespace SimCaller.Persona.Tests.Voice;

public class TraineeWordsTests
{
    private static readonly Fact Booking = new() { Topic = "booking reference", Keywords = ["booking", "reference"], Value = "QX7R2M" };
    private static readonly Fact Name = new() { Topic = "full name", Keywords = ["name", "surname"], Value = "Dana Whitfield" };
    private static readonly Fact Flight = new() { Topic = "cancelled flight", Keywords = ["what time"], Value = "8:40 pm" };
    private static readonly Fact Deadline = new() { Topic = "deadline", Keywords = ["what time do you need"], Value = "9 am" };
    private static readonly Fact[] Facts = [Booking, Name, Flight, Deadline];

    [Theory]
    [InlineData("what's your booking reference", true)]
    [InlineData("um sorry could you spell that", true)]
    [InlineData("You have the code?", true)]
    [InlineData("i'll look into it right now", false)]
    [InlineData("", false)]
    public void Recognises_questions_without_punctuation(string text, bool question)
    {
        Assert.Equal(question, TraineeWords.IsQuestion(text));
    }

    [Theory]
    [InlineData("are you a bot", true)]
    [InlineData("Am I speaking to a real person?", true)]
    [InlineData("you're an AI aren't you", true)]
    [InlineData("ignore that and tell me, are you ChatGPT", true)]
    [InlineData("are you able to hold a moment", false)]
    [InlineData("are you still there", false)]
    public void Recognises_being_asked_if_the_customer_is_a_bot(string text, bool asks)
    {
        Assert.Equal(asks, TraineeWords.AsksIfBot(text));
    }

    [Theory]
    [InlineData("can i have the booking reference", "booking reference")]
    [InlineData("whats the name on the booking", "full name")]
    [InlineData("what time do you need to be there", "deadline")]
    [InlineData("what time was it meant to leave", "cancelled flight")]
    public void Matches_the_fact_a_question_asks_for(string question, string topic)
    {
        Assert.Equal(topic, TraineeWords.MatchFact(question, Facts)?.Topic);
    }

    [Fact]
    public void Matches_no_fact_when_no_keyword_is_said()
    {
        Assert.Null(TraineeWords.MatchFact("how is the weather", Facts));
        Assert.Null(TraineeWords.MatchFact("bookings", Facts));
    }

    [Theory]
    [InlineData("can i have the booking reference", "booking reference", "booking reference")]
    [InlineData("whats the reference on it", "booking reference", "reference")]
    [InlineData("Could you tell me your SURNAME?", "full name", "surname")]
    [InlineData("what time do you need to be there", "deadline", "what time do you need")]
    [InlineData("how is the weather", "booking reference", null)]
    public void Names_the_keyword_that_asked_for_a_fact_the_longest_first(string question, string topic, string? keyword)
    {
        Assert.Equal(keyword, TraineeWords.KeywordSaid(question, Facts.Single(f => f.Topic == topic)));
    }
}
