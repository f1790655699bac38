using Microsoft.Extensions.Logging.Abstractions;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;
using SimCaller.Understanding;

namespace SimCaller.Evaluation.Tests.Understanding;

/// <summary>The examples, one analyser for every caller, the fall-back, and reproducible training.</summary>
[Collection(SentenceModelCollection.Name)]
public sealed class SemanticAnalyzerTests(SentenceModelFixture model)
{
    private static readonly AnalysisContext Flight = new(
        "My flight to Denver got cancelled and my sister's wedding is tomorrow morning!",
        ["flight", "cancelled", "denver", "wedding", "rebook", "booking", "seat"],
        "Dana's 8:40 pm flight from Boston to Denver was cancelled; she must be in Denver by 9 am tomorrow for her sister's wedding.");

    private IReadOnlySet<Technique> Labels(string text, AnalysisContext? context = null) =>
        model.Analyzer.Analyze(text, context).Techniques.ToHashSet();

    [Fact]
    public void Taking_the_job_on_right_now_is_ownership() =>
        Assert.Contains(Technique.Ownership, Labels("Sure, I'll get on it right now."));

    [Fact]
    public void The_booking_line_is_a_solution_with_ownership_and_a_timeline()
    {
        var labels = Labels("I can see a seat on the 6:15 tomorrow that lands at 7:50. I'm booking it for you now, and I'll email the confirmation within five minutes.", Flight);
        Assert.Contains(Technique.Solution, labels);
        Assert.Contains(Technique.Ownership, labels);
        Assert.Contains(Technique.Expectation, labels);
        Assert.DoesNotContain(Technique.Paraphrase, labels);
    }

    [Fact]
    public void Each_sentence_of_a_turn_counts_so_a_greeting_does_not_hide_the_empathy_after_it()
    {
        var analysis = model.Analyzer.Analyze("Hello, thanks for calling. It sounds like it's been a rough week, I'm sorry.", Flight);
        Assert.Contains(Technique.Empathy, analysis.Techniques);
        Assert.Contains("rough week", analysis.Matches.Single(m => m.Technique == Technique.Empathy).Evidence);
    }

    [Fact]
    public void A_no_followed_by_an_alternative_in_the_next_sentence_is_a_solution_not_a_refusal()
    {
        var labels = Labels("The suite is fully booked tonight, I can't change that. But I can give you a late checkout and breakfast on us.");
        Assert.Contains(Technique.Solution, labels);
        Assert.DoesNotContain(Technique.Refusal, labels);
        Assert.Contains(Technique.Refusal, Labels("The suite is fully booked tonight, I can't change that."));
    }

    [Fact]
    public void A_fix_inside_a_long_compound_sentence_is_still_a_solution()
    {
        // Found in a practice call: the booking was heard as ownership and a timeline, not as the fix itself.
        var labels = Labels("I'm booking a senior engineer for tomorrow at 8am and I'll call you myself at 9");
        Assert.Contains(Technique.Solution, labels);
        Assert.Contains(Technique.Ownership, labels);
        Assert.Contains(Technique.Expectation, labels);
    }

    [Fact]
    public void A_restatement_checked_by_a_question_in_the_next_sentence_is_a_paraphrase()
    {
        var labels = Labels("So the engineer never turned up on Monday and you took the day off for nothing. Is that right?");
        Assert.Contains(Technique.Paraphrase, labels);
        Assert.DoesNotContain(Technique.ClarifyingQuestion, labels);
    }

    [Theory]
    [InlineData("Where do you need to get to, and by when?")]
    [InlineData("Can you describe why you're hesitant?")]
    [InlineData("Who could help you with that?")]
    [InlineData("Where are you having the problem?")]
    public void Open_questions_count_as_clarifying_questions(string question)
    {
        Assert.Contains(Technique.ClarifyingQuestion, Labels(question));
        Assert.Contains(Technique.ClarifyingQuestion, Labels(question, Flight));
    }

    [Theory]
    [InlineData("What can I help you with today?")]
    [InlineData("How can I help?")]
    [InlineData("So what can I do for you this evening?")]
    [InlineData("Okay, tell me what happened.")]
    public void The_open_door_every_call_starts_with_is_an_open_question_never_off_topic(string question)
    {
        Assert.Contains(Technique.ClarifyingQuestion, Labels(question));
        Assert.Contains(Technique.ClarifyingQuestion, Labels(question, Flight));
    }

    [Fact]
    public void An_off_topic_question_earns_nothing_with_or_without_the_scenario()
    {
        Assert.Empty(Labels("What's your favourite colour?"));
        Assert.Empty(Labels("What's your favourite colour?", Flight));
    }

    [Fact]
    public void The_router_line_gets_the_same_labels_in_the_call_and_from_analyze()
    {
        const string line = "Sir, you need to calm down. Have you actually tried turning the router off and on again?";
        var call = Labels(line, new AnalysisContext("The internet has been down for a week, I've restarted the router ten times!", ["internet", "router", "outage"]));
        var analyze = Labels(line);
        Assert.Equal(analyze.Order(), call.Order());
        Assert.Contains(Technique.Dismissive, call);
        Assert.DoesNotContain(Technique.Paraphrase, call);
    }

    [Fact]
    public void Without_the_model_the_rules_label_and_nothing_throws()
    {
        var rules = new RuleBasedAnalyzer();
        var analyzer = new FallbackTurnAnalyzer(new SemanticTurnAnalyzer(rules, new BrokenEmbedder(), TechniqueClassifier.LoadShipped()), rules, NullLogger.Instance);
        Assert.StartsWith("rules+", analyzer.Version);

        var analysis = analyzer.AnalyzeAsync("I'm so sorry your flight was cancelled").GetAwaiter().GetResult();

        Assert.Contains(Technique.Apology, analysis.Techniques);
        Assert.Equal(rules.Version, analyzer.Version);
    }

    [Fact]
    public void The_shipped_classifier_matches_the_model_it_runs_with() =>
        Assert.Equal(MiniLmEmbedder.ModelName, TechniqueClassifier.LoadShipped().EmbeddingModel);

    [Fact]
    public void Training_twice_on_the_same_corpus_writes_the_same_weights()
    {
        var corpus = TechniqueCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Corpus", "train.jsonl")).Take(40).ToArray();
        var first = TechniqueClassifierTrainer.Train(corpus[..30], corpus[30..], model.Embedder, MiniLmEmbedder.ModelName, "test");
        var second = TechniqueClassifierTrainer.Train(corpus[..30], corpus[30..], model.Embedder, MiniLmEmbedder.ModelName, "test");
        Assert.Equal(first.Classifier.ToJson(), second.Classifier.ToJson());
        Assert.Equal(first.Classifier.Version, TechniqueClassifier.FromJson(first.Classifier.ToJson()).Version);
    }

    [Fact]
    public void Short_back_channels_do_not_spend_the_model()
    {
        var counting = new CountingEmbedder(model.Embedder);
        var analyzer = new SemanticTurnAnalyzer(new RuleBasedAnalyzer(), counting, TechniqueClassifier.LoadShipped());
        analyzer.Analyze("okay");
        analyzer.Analyze("one moment");
        Assert.Equal(0, counting.Calls);
        analyzer.Analyze("what's the reference on your booking");
        Assert.Equal(1, counting.Calls);
    }

    private sealed class BrokenEmbedder : ISentenceEmbedder
    {
        public float[][] Embed(IReadOnlyList<string> sentences) => throw new EmbeddingUnavailableException("model file missing (test)");
    }

    private sealed class CountingEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
    {
        public int Calls { get; private set; }

        public float[][] Embed(IReadOnlyList<string> sentences)
        {
            Calls++;
            return inner.Embed(sentences);
        }
    }
}
