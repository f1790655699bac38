using System.Text;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;
using Xunit.Abstractions;

namespace SimCaller.Evaluation.Tests.Understanding;

/// <summary>
/// The default analyser (rules + sentence model + classifier) on the blind sets of corpus/techniques, each
/// written and committed before the classifier change it first measured, never trained on. Prints
/// precision and recall per technique. The goal is micro-F1 0.90 with every technique at 0.75;
/// measured (see README) the analyser reaches 0.89-0.90 on the first four sets (written by the classifier's
/// author) and 0.80-0.81 on the two written by other authors, with some techniques (defensive, rude,
/// dismissive, blame) still far below 0.75, so the floors below guard that level against regressions and
/// are not the goal.
/// </summary>
[Collection(SentenceModelCollection.Name)]
public sealed class BlindSetTests(SentenceModelFixture model, ITestOutputHelper output)
{
    private static IReadOnlyList<LabelledUtterance> Blind(string file = "blind.jsonl") =>
        TechniqueCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Corpus", file));

    private const double MicroFloor = 0.88;
    private const double TechniqueFloor = 0.5;

    [Theory]
    [InlineData("blind.jsonl", MicroFloor, TechniqueFloor)]
    [InlineData("blind-2.jsonl", MicroFloor, TechniqueFloor)]
    [InlineData("blind-3.jsonl", MicroFloor, TechniqueFloor)]
    [InlineData("blind-4.jsonl", MicroFloor, TechniqueFloor)]
    // Written by other authors, who had read only the vocabulary: they measure how far the analyser agrees
    // with someone else's reading of the spec (0.81 and 0.80 micro-F1; defensive 0.33 and 0.48).
    [InlineData("blind-5.jsonl", 0.80, 0.3)]
    [InlineData("blind-6.jsonl", 0.78, 0.45)]
    public void Blind_set_holds_the_measured_floor(string file, double microFloor, double techniqueFloor)
    {
        var set = Blind(file);
        var scores = new TechniqueScores();
        var misses = new StringBuilder();
        foreach (var line in set)
        {
            var predicted = model.Analyzer.Analyze(line.Text).Techniques.ToHashSet();
            scores.Add(line.Labels, predicted);
            if (!predicted.SetEquals(line.Labels))
            {
                misses.AppendLine($"  \"{line.Text}\" expected [{Ids(line.Labels)}] got [{Ids(predicted)}]");
            }
        }
        output.WriteLine(scores.ToTable($"{file}: {set.Count} utterances, analyser {model.Analyzer.Version}"));
        output.WriteLine($"micro-F1 {scores.MicroF1:0.000}");
        output.WriteLine("disagreements:");
        output.WriteLine(misses.ToString());

        Assert.True(scores.MicroF1 >= microFloor, $"{file}: micro-F1 {scores.MicroF1:0.000} < {microFloor} (goal 0.90)");
        // Per technique only where the support says something.
        foreach (var technique in TechniqueIds.All.Where(t => scores.Support(t) >= 5))
        {
            Assert.True(scores.F1(technique) >= techniqueFloor, $"{file}: F1 of {technique.ToId()} {scores.F1(technique):0.00} < {techniqueFloor} (goal 0.75)");
        }
    }

    [Fact]
    public void The_model_beats_the_rules_alone_on_the_blind_set()
    {
        var rules = new RuleBasedAnalyzer();
        var withModel = new TechniqueScores();
        var rulesOnly = new TechniqueScores();
        foreach (var line in Blind())
        {
            withModel.Add(line.Labels, model.Analyzer.Analyze(line.Text).Techniques.ToHashSet());
            rulesOnly.Add(line.Labels, rules.Analyze(line.Text).Techniques.ToHashSet());
        }
        output.WriteLine($"rules alone: micro-F1 {rulesOnly.MicroF1:0.000}; with the model: {withModel.MicroF1:0.000}");
        Assert.True(withModel.MicroF1 > rulesOnly.MicroF1);
    }

    private static string Ids(IEnumerable<Technique> techniques) => string.Join(", ", techniques.Order().Select(t => t.ToId()));
}
