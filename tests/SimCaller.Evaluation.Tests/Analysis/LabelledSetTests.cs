using System.Text;
using System.Text.Json;
using SimCaller.Core.Techniques;
using SimCaller.Evaluation.Analysis;
using Xunit.Abstractions;

namespace SimCaller.Evaluation.Tests.Analysis;

/// <summary>
/// Precision and recall of the rule-based analyser on invented, hand-labelled utterances.
/// The rules were written against the "dev" lines; the "holdout" lines were written afterwards, in new
/// domains, and never used to adjust a rule (first measured at micro-F1 0.84: precision 0.94, recall 0.75;
/// 0.88 after general fixes found on other material).
/// held-out-2 (275 lines) was committed before the rules were generalised: the old rules scored micro-F1 0.86
/// on it (precision 0.98, recall 0.76). held-out-3 (80 lines) was written after that first round and measured
/// blind at 0.82 (precision 0.92, recall 0.74; the old rules 0.78). Both then guided a further round of
/// general fixes, so their floors guard against regressions; they no longer measure unseen wording.
/// </summary>
public sealed class LabelledSetTests(ITestOutputHelper output)
{
    private static readonly RuleBasedAnalyzer Analyzer = new();

    public static IReadOnlyList<LabelledUtterance> LoadSet() => Load("labelled-utterances.jsonl");

    /// <summary>
    /// A second held-out set, written and labelled in one go (new domains, typed and speech-to-text,
    /// British and American phrasing) and committed before any rule was changed against it.
    /// </summary>
    public static IReadOnlyList<LabelledUtterance> LoadSecondHeldOut() => Load("held-out-2.jsonl");

    /// <summary>A third held-out set, written after the rules were generalised and measured blind.</summary>
    public static IReadOnlyList<LabelledUtterance> LoadThirdHeldOut() => Load("held-out-3.jsonl");

    private static IReadOnlyList<LabelledUtterance> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", file);
        return File.ReadLines(path)
            .Where(line => line.Trim().Length > 0)
            .Select((line, index) =>
            {
                using var doc = JsonDocument.Parse(line);
                var labels = doc.RootElement.GetProperty("labels").EnumerateArray()
                    .Select(l => TechniqueIds.TryParse(l.GetString(), out var t)
                        ? t
                        : throw new InvalidDataException($"{file} line {index + 1}: unknown technique id '{l.GetString()}'"))
                    .ToHashSet();
                var heldOut = doc.RootElement.TryGetProperty("split", out var split) && split.GetString() == "holdout";
                return new LabelledUtterance(index + 1, doc.RootElement.GetProperty("text").GetString()!, labels, heldOut);
            })
            .ToArray();
    }

    [Fact]
    public void The_set_is_large_and_covers_every_technique_and_unlabelled_lines()
    {
        var set = LoadSet();
        Assert.True(set.Count >= 250, $"only {set.Count} labelled utterances");
        foreach (var technique in TechniqueIds.All)
        {
            Assert.True(set.Count(u => u.Labels.Contains(technique)) >= 8, $"fewer than 8 examples of {technique.ToId()}");
        }
        Assert.True(set.Count(u => u.Labels.Count == 0) >= 15, "too few no-label lines");
        Assert.True(set.Count(u => u.Labels.Count >= 2) >= 25, "too few mixed-label lines");
    }

    [Fact]
    public void Whole_set_meets_the_floor() => AssertFloor(LoadSet(), "whole set", microF1: 0.85, perTechnique: 0.7);

    [Fact]
    public void Held_out_half_meets_the_floor() =>
        AssertFloor(LoadSet().Where(u => u.HeldOut).ToArray(), "held-out lines", microF1: 0.8, perTechnique: null);

    [Fact]
    public void Second_held_out_set_meets_the_floor() =>
        AssertFloor(LoadSecondHeldOut(), "held-out-2", microF1: 0.9, perTechnique: null);

    [Fact]
    public void Third_held_out_set_meets_the_floor() =>
        AssertFloor(LoadThirdHeldOut(), "held-out-3", microF1: 0.9, perTechnique: null);

    private void AssertFloor(IReadOnlyList<LabelledUtterance> set, string name, double microF1, double? perTechnique)
    {
        var scores = TechniqueIds.All.ToDictionary(t => t, _ => new Counts());
        var misses = new StringBuilder();
        foreach (var utterance in set)
        {
            var predicted = Analyzer.Analyze(utterance.Text).Techniques.ToHashSet();
            foreach (var technique in TechniqueIds.All)
            {
                var expected = utterance.Labels.Contains(technique);
                var got = predicted.Contains(technique);
                var counts = scores[technique];
                if (expected && got) counts.TruePositive++;
                else if (got) counts.FalsePositive++;
                else if (expected) counts.FalseNegative++;
            }
            if (!predicted.SetEquals(utterance.Labels))
            {
                misses.AppendLine($"  line {utterance.Line}: \"{utterance.Text}\" expected [{Ids(utterance.Labels)}] got [{Ids(predicted)}]");
            }
        }

        var table = new StringBuilder();
        table.AppendLine($"{name}: {set.Count} utterances");
        table.AppendLine($"{"technique",-20} {"support",7} {"precision",9} {"recall",7} {"f1",6}");
        foreach (var (technique, c) in scores)
        {
            table.AppendLine($"{technique.ToId(),-20} {c.TruePositive + c.FalseNegative,7} {c.Precision,9:0.00} {c.Recall,7:0.00} {c.F1,6:0.00}");
        }
        var total = new Counts
        {
            TruePositive = scores.Values.Sum(c => c.TruePositive),
            FalsePositive = scores.Values.Sum(c => c.FalsePositive),
            FalseNegative = scores.Values.Sum(c => c.FalseNegative),
        };
        table.AppendLine($"{"micro",-20} {total.TruePositive + total.FalseNegative,7} {total.Precision,9:0.00} {total.Recall,7:0.00} {total.F1,6:0.00}");
        output.WriteLine(table.ToString());
        output.WriteLine("disagreements:");
        output.WriteLine(misses.ToString());

        Assert.True(total.F1 >= microF1, $"{name}: micro-F1 {total.F1:0.00} < {microF1}");
        // Per-technique floors only where the support is large enough to mean something.
        foreach (var (technique, c) in scores.Where(kv => perTechnique is not null && kv.Value.TruePositive + kv.Value.FalseNegative >= 5))
        {
            Assert.True(c.Precision >= perTechnique, $"{name}: precision of {technique.ToId()} {c.Precision:0.00} < {perTechnique}");
            Assert.True(c.Recall >= perTechnique, $"{name}: recall of {technique.ToId()} {c.Recall:0.00} < {perTechnique}");
        }
    }

    private static string Ids(IEnumerable<Technique> techniques) => string.Join(", ", techniques.Order().Select(t => t.ToId()));

    public sealed record LabelledUtterance(int Line, string Text, IReadOnlySet<Technique> Labels, bool HeldOut);

    private sealed class Counts
    {
        public int TruePositive { get; set; }
        public int FalsePositive { get; set; }
        public int FalseNegative { get; set; }
        public double Precision => TruePositive + FalsePositive == 0 ? 1 : (double)TruePositive / (TruePositive + FalsePositive);
        public double Recall => TruePositive + FalseNegative == 0 ? 1 : (double)TruePositive / (TruePositive + FalseNegative);
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }
}
