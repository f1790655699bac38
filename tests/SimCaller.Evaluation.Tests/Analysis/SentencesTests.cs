using SimCaller.Core.Text;

namespace SimCaller.Evaluation.Tests.Analysis;

/// <summary>How a trainee's turn is cut into the sentences the analyser and the customer read one by one.</summary>
public sealed class SentencesTests
{
    [Fact]
    public void A_typed_turn_is_cut_after_each_sentence() =>
        Assert.Equal(["Thanks for calling.", "That sounds awful!", "When did it start?"],
            Sentences.Split("  Thanks for calling. That sounds awful!  When did it start?  "));

    [Fact]
    public void Speech_to_text_without_punctuation_stays_one_piece() =>
        Assert.Equal(["um so that sounds really rough when did it start"], Sentences.Split("um so that sounds really rough when did it start"));

    [Theory]
    [InlineData("I'm sorry Mr. Shah, let me fix that.")]
    [InlineData("We can offer something else, e.g. a refund to your card.")]
    [InlineData("Your flight leaves at 6.15 tomorrow.")]
    public void Titles_abbreviations_and_times_do_not_cut_a_sentence(string text) =>
        Assert.Equal([text], Sentences.Split(text));

    [Fact]
    public void Closing_quotes_stay_with_their_sentence() =>
        Assert.Equal(["You said \"it's broken.\"", "Which part?"], Sentences.Split("You said \"it's broken.\" Which part?"));

    [Fact]
    public void Nothing_gives_no_sentences()
    {
        Assert.Empty(Sentences.Split(null));
        Assert.Empty(Sentences.Split("   "));
    }
}
