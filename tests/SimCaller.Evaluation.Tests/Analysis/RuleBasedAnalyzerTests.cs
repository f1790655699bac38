using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;
using SimCaller.Core.Text;

namespace SimCaller.Evaluation.Tests.Analysis;

/// <summary>The notes of techniques.md, one by one, in typed and speech-to-text form.</summary>
public sealed class RuleBasedAnalyzerTests
{
    private static readonly RuleBasedAnalyzer Analyzer = new();

    private static IReadOnlyList<Technique> Labels(string text, AnalysisContext? context = null) => Analyzer.Analyze(text, context).Techniques;

    [Theory]
    [InlineData("I understand your frustration.")]
    [InlineData("sorry for any inconvenience")]
    [InlineData("Your call is important to us.")]
    public void Stock_phrases_are_cliche_only(string text) => Assert.Equal([Technique.Cliche], Labels(text));

    [Fact]
    public void A_cliche_next_to_a_real_apology_keeps_both() =>
        Assert.Equal([Technique.Apology, Technique.Cliche], Labels("I'm so sorry the engineer never came, sorry for any inconvenience"));

    [Theory]
    [InlineData("i can't not help you with this")]
    [InlineData("i cant not help you with this")]
    [InlineData("no problem")]
    [InlineData("I'm not blaming you")]
    [InlineData("let me check")]
    [InlineData("uh huh")]
    [InlineData("")]
    public void Negations_and_fillers_carry_no_harm(string text) => Assert.DoesNotContain(Labels(text), t => t.IsHarmful());

    [Fact]
    public void A_refusal_with_an_alternative_is_a_solution()
    {
        Assert.Equal([Technique.Refusal], Labels("we can't refund without a receipt"));
        Assert.Equal([Technique.Solution], Labels("the suite is booked, but I can give you late checkout and breakfast"));
        Assert.Equal([Technique.Solution], Labels("we cant refund without a receipt but i can give you store credit"));
    }

    [Fact]
    public void Hiding_behind_policy_is_blame_and_a_refusal_unless_something_is_offered()
    {
        Assert.Equal([Technique.Blame, Technique.Refusal], Labels("rules are rules here"));
        Assert.Equal([Technique.Solution, Technique.Blame], Labels("the policy says in writing but i can accept your email as written notice"));
    }

    [Fact]
    public void Restating_the_need_is_paraphrase_not_a_question()
    {
        Assert.Equal([Technique.Paraphrase], Labels("you'd rather have the money back than a new one, yes?"));
        Assert.Equal([Technique.Paraphrase], Labels("so you were charged twice on the fourteenth?"));
        Assert.Equal([Technique.ClarifyingQuestion], Labels("what's the model number on the door?"));
    }

    [Fact]
    public void Restating_the_customers_own_words_is_paraphrase_with_context()
    {
        var context = new AnalysisContext("the 7am flight to Denver was cancelled", ["flight", "denver"]);
        Assert.Contains(Technique.Paraphrase, Labels("your 7am flight to denver got cancelled right", context));
        Assert.DoesNotContain(Technique.Paraphrase, Labels("your 7am flight to denver got cancelled right"));
    }

    [Theory]
    [InlineData("sorry, could you say that again?")]
    [InlineData("sorry could you say that again the line broke up")]
    [InlineData("sorry i didnt catch that")]
    public void Asking_to_repeat_is_a_question_not_an_apology(string text) =>
        Assert.Equal([Technique.ClarifyingQuestion], Labels(text));

    [Theory]
    [InlineData("yes, yes, I get it")]
    [InlineData("yeah yeah")]
    [InlineData("ok ok i heard you the first time")]
    public void Impatience_is_rude(string text) => Assert.Contains(Technique.Rude, Labels(text));

    [Theory]
    [InlineData("like I told you, the seat is gone")]
    [InlineData("like i said its an estimate")]
    [InlineData("as i explained the fabric is made to order")]
    public void Reminding_them_you_said_it_is_defensive(string text) => Assert.Contains(Technique.Defensive, Labels(text));

    [Fact]
    public void Actions_taken_are_solutions_and_personal_commitment_adds_ownership()
    {
        Assert.Equal([Technique.Solution], Labels("I've cancelled the old order for you"));
        Assert.Equal([Technique.Solution], Labels("ive cancelled the old order for you"));
        Assert.Equal([Technique.Ownership], Labels("I'll follow it up myself"));
        Assert.Equal([Technique.Solution, Technique.Ownership], Labels("ill rebook you myself right now"));
    }

    // Phrasings seen missed on real calls: each family, not just the one sentence, should be caught.
    [Theory]
    [InlineData("I'm really sorry, six days without internet and three no-shows is awful")]
    [InlineData("that must be so stressful")]
    [InlineData("what a nightmare")]
    [InlineData("no wonder you're upset")]
    [InlineData("I'd be fuming too")]
    [InlineData("that sounds exhausting")]
    [InlineData("that's a horrible position to be in")]
    [InlineData("honestly thats gotta be super frustrating")]
    [InlineData("what a rotten way to spend your birthday")]
    public void Naming_how_bad_the_situation_is_is_empathy(string text) => Assert.Contains(Technique.Empathy, Labels(text));

    [Theory]
    [InlineData("I've got you on the first flight out tomorrow")]
    [InlineData("I've put you on the 6pm service")]
    [InlineData("you're now booked in for Thursday")]
    [InlineData("I've sorted a replacement for you")]
    [InlineData("I've set up a payment plan")]
    [InlineData("I've arranged a courier to collect it")]
    [InlineData("let me get you onto the earlier train")]
    [InlineData("what I can do is waive the late fee")]
    [InlineData("I can offer a partial refund")]
    [InlineData("how about I send a new one today")]
    [InlineData("the best option is a rebooking on Friday")]
    [InlineData("I'm going to rebook you on the morning ferry")]
    [InlineData("um i went ahead and overnighted the parts")]
    public void Actions_taken_or_arranged_for_the_customer_are_solutions(string text) => Assert.Contains(Technique.Solution, Labels(text));

    [Theory]
    [InlineData("that's not my problem, you should have bought insurance")]
    [InlineData("you should've kept the box")]
    [InlineData("the app must have crashed on your end")]
    public void Putting_it_on_the_customer_is_blame(string text) => Assert.Contains(Technique.Blame, Labels(text));

    [Theory]
    [InlineData("that's our slip", Technique.Ownership)]
    [InlineData("the engineer'll be there eight till one", Technique.Expectation)]
    [InlineData("i'm not going to argue about it", Technique.Defensive)]
    [InlineData("the answer's no", Technique.Refusal)]
    public void Short_spoken_forms_are_understood(string text, Technique expected) => Assert.Contains(expected, Labels(text));

    [Theory]
    [InlineData("that's hard to say until I look")]
    [InlineData("let me check")]
    [InlineData("one moment")]
    [InlineData("okay")]
    [InlineData("I'm just checking your account")]
    [InlineData("the system's a bit slow today")]
    public void Holding_phrases_carry_no_label(string text) => Assert.Empty(Labels(text));

    [Fact]
    public void A_limit_on_abuse_is_a_boundary_not_a_refusal() =>
        Assert.Equal([Technique.Boundary], Labels("i won't accept being called names, but i do want to sort this out"));

    [Theory]
    [InlineData("listen, I'm happy to help but I won't accept being sworn at")]
    [InlineData("i want to sort this out but i will not be spoken to like that")]
    public void A_boundary_with_a_but_is_not_a_solution(string text)
    {
        var labels = Labels(text);
        Assert.Contains(Technique.Boundary, labels);
        Assert.DoesNotContain(Technique.Solution, labels);
        Assert.DoesNotContain(Technique.Refusal, labels);
    }

    [Theory]
    [InlineData("we can't see the payment yet")]
    [InlineData("i cant see that booking on my screen")]
    public void Not_seeing_something_is_information_not_a_refusal(string text) =>
        Assert.DoesNotContain(Technique.Refusal, Labels(text));

    [Fact]
    public void Labels_are_independent() =>
        Assert.Equal([Technique.Apology, Technique.Ownership], Labels("we dropped the ball, sorry"));

    [Theory]
    [InlineData("what the f*** do you want me to do")]
    [InlineData("f****** hell just pay the bill")]
    public void Masked_profanity_is_rude(string text) => Assert.Contains(Technique.Rude, Labels(text));

    [Fact]
    public void Speech_to_text_and_typed_forms_agree()
    {
        Assert.Equal(Labels("I'm so sorry, I can't imagine how stressful that is."), Labels("um im so sorry i cant imagine how stressful that is"));
        Assert.Equal(Labels("We won't cover the hire car."), Labels("uh we wont cover the hire car"));
        Assert.Equal(Labels("I'll call you back by 4pm."), Labels("ill call you back by 4pm"));
    }

    [Fact]
    public void Every_label_shows_the_words_that_matched()
    {
        var analysis = Analyzer.Analyze("That sounds awful, I've refunded the charge and you'll see it within three days. Does that work?");
        Assert.Equal([Technique.Empathy, Technique.Solution, Technique.Expectation, Technique.CheckSatisfaction], analysis.Techniques);
        var normalized = TextNormalizer.Normalize(analysis.Text);
        Assert.All(analysis.Matches, m => Assert.Contains(m.Evidence, normalized));
        Assert.Equal("that sounds awful", analysis.Matches.Single(m => m.Technique == Technique.Empathy).Evidence);
    }

    [Fact]
    public async Task Async_form_gives_the_same_labels()
    {
        var text = "calm down it's only one flight";
        Assert.Equal(Labels(text), (await Analyzer.AnalyzeAsync(text)).Techniques);
        Assert.Empty((await Analyzer.AnalyzeAsync(null!)).Matches);
    }
}
