using SimCaller.Persona.Voice;

namespace SimCaller.Persona.Tests.Voice;

public class SpeakableTextTests
{
    [Theory]
    [InlineData("Dana: I've been on hold for an hour.", "I've been on hold for an hour.")]
    [InlineData("**Customer:** \"I've been on hold for an hour.\"", "I've been on hold for an hour.")]
    [InlineData("*sighs heavily* Fine. (pauses) What now? \U0001F621", "Fine. What now?")]
    [InlineData("[angrily] Just rebook me.\nAgent: Of course, one moment.\nCustomer: Thanks.", "Just rebook me.")]
    [InlineData("Look, I need that flight.", "Look, I need that flight.")]
    [InlineData("Well: you tell me.", "Well: you tell me.")]
    public void Keeps_only_what_the_customer_says(string raw, string spoken)
    {
        Assert.Equal(spoken, SpeakableText.Clean(raw, "Dana Price"));
    }

    [Fact]
    public void Long_replies_end_at_a_sentence_end_past_the_limit()
    {
        var raw = string.Concat(Enumerable.Repeat("This is one more sentence of complaint. ", 30));
        var spoken = SpeakableText.Clean(raw, softLimit: 100);
        Assert.InRange(spoken.Length, 100, 140);
        Assert.EndsWith(".", spoken);
    }

    [Fact]
    public void Streamed_chunks_come_out_as_they_go_in()
    {
        var speakable = new SpeakableText("Dana Price");
        Assert.Equal("Finally,", speakable.Push("Finally, "));
        Assert.Equal(" someone", speakable.Push("someone"));
        Assert.Equal(" picks up.", speakable.Push(" picks up."));
        Assert.Equal("", speakable.Flush());
    }

    [Fact]
    public void A_label_split_across_chunks_is_still_dropped()
    {
        var speakable = new SpeakableText("Dana Price");
        var text = speakable.Push("Da") + speakable.Push("na") + speakable.Push(": Hi") + speakable.Push(" there.") + speakable.Flush();
        Assert.Equal("Hi there.", text);
    }
}
