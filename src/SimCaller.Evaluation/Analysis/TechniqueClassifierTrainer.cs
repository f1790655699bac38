using System.Numerics.Tensors;
using SimCaller.Core.Techniques;
using SimCaller.Understanding;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// Trains <see cref="TechniqueClassifier"/>: full-batch gradient descent (Adam) with L2, no shuffling and
/// no threads, so the same corpus always gives the same weights. Thresholds are chosen per technique on
/// the dev split (where it has enough examples), then the weights are refitted on train + dev.
/// The blind set is never read here.
/// </summary>
public static class TechniqueClassifierTrainer
{
    public const int Epochs = 300;
    public const double LearningRate = 0.05;
    public const double L2 = 0.0005;

    /// <summary>What training produced: the classifier and its scores on the dev split (before the refit).</summary>
    public sealed record Result(TechniqueClassifier Classifier, TechniqueScores Dev);

    public static Result Train(
        IReadOnlyList<LabelledUtterance> train,
        IReadOnlyList<LabelledUtterance> dev,
        ISentenceEmbedder embedder,
        string embeddingModel,
        string corpusName)
    {
        var rules = new RuleBasedAnalyzer();
        float[][] Featurise(IReadOnlyList<LabelledUtterance> set)
        {
            var vectors = embedder.Embed(set.Select(u => u.Text).ToArray());
            return set.Select((u, i) => TechniqueFeatures.Build(vectors[i], rules.Analyze(u.Text), u.Text)).ToArray();
        }
        var trainX = Featurise(train);
        var devX = Featurise(dev);

        var first = Fit(trainX, train, thresholds: null);
        var thresholds = TechniqueIds.All.Select(t => ChooseThreshold(first, devX, dev, t)).ToArray();
        var thresholded = new TechniqueClassifier(embeddingModel,
            first.Techniques.Select((w, i) => w with { Threshold = thresholds[i] }).ToList(), new TrainingNotes());
        var trust = TechniqueIds.All.Select(t => ChooseRuleTrust(thresholded, devX, dev, t)).ToArray();
        var tuned = new TechniqueClassifier(embeddingModel,
            thresholded.Techniques.Select((w, i) => w with { TrustRules = trust[i] }).ToList(), new TrainingNotes());
        var devScores = Score(tuned, devX, dev);

        var notes = new TrainingNotes
        {
            Corpus = corpusName,
            TrainLines = train.Count,
            DevLines = dev.Count,
            Epochs = Epochs,
            LearningRate = LearningRate,
            L2 = L2,
            DevMicroF1 = Math.Round(devScores.MicroF1, 4),
        };
        var final = Fit([.. trainX, .. devX], [.. train, .. dev], thresholds);
        var shipped = final.Techniques.Select((w, i) => w with { TrustRules = trust[i] }).ToList();
        return new Result(new TechniqueClassifier(embeddingModel, shipped, notes), devScores);
    }

    internal static TechniqueScores Score(TechniqueClassifier classifier, float[][] features, IReadOnlyList<LabelledUtterance> set)
    {
        var scores = new TechniqueScores();
        for (var i = 0; i < set.Count; i++)
        {
            scores.Add(set[i].Labels, classifier.Predict(features[i]));
        }
        return scores;
    }

    private static TechniqueClassifier Fit(float[][] x, IReadOnlyList<LabelledUtterance> labels, double[]? thresholds)
    {
        // Much of the corpus is the material the rule tables were written against, where their hits are
        // nearly always right: fitted on that alone, the model just copies the rules and adds nothing on
        // wording they miss. Every line is therefore seen twice, once with its rule hits and once without,
        // so the meaning features must carry each technique on their own as well.
        x = [.. x, .. x.Select(WithoutRules)];
        labels = [.. labels, .. labels];
        var weights = TechniqueIds.All
            .Select((t, i) => FitOne(x, labels.Select(u => u.Labels.Contains(t) ? 1f : 0f).ToArray(), thresholds?[i] ?? 0.5, t))
            .ToList();
        return new TechniqueClassifier("", weights, new TrainingNotes());
    }

    private static float[] WithoutRules(float[] features)
    {
        var copy = (float[])features.Clone();
        Array.Clear(copy, TechniqueFeatures.EmbeddingSize, TechniqueIds.All.Count);
        return copy;
    }

    private static TechniqueWeights FitOne(float[][] x, float[] y, double threshold, Technique technique)
    {
        var n = x.Length;
        var d = x[0].Length;
        var w = new float[d];
        double b = 0;
        var mw = new double[d];
        var vw = new double[d];
        double mb = 0, vb = 0;
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        // Rare techniques weigh more, so the few positives are not drowned by the many lines without them.
        var positives = Math.Max(1, y.Count(v => v > 0));
        var positiveWeight = Math.Sqrt((double)(n - positives) / positives);
        var gradient = new double[d];
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            Array.Clear(gradient);
            double gb = 0, total = 0;
            for (var i = 0; i < n; i++)
            {
                var p = 1 / (1 + Math.Exp(-(TensorPrimitives.Dot<float>(x[i], w) + b)));
                var weight = y[i] > 0 ? positiveWeight : 1;
                var error = (p - y[i]) * weight;
                total += weight;
                var row = x[i];
                for (var j = 0; j < d; j++)
                {
                    gradient[j] += error * row[j];
                }
                gb += error;
            }
            for (var j = 0; j < d; j++)
            {
                var g = gradient[j] / total + L2 * w[j];
                mw[j] = beta1 * mw[j] + (1 - beta1) * g;
                vw[j] = beta2 * vw[j] + (1 - beta2) * g * g;
                var mHat = mw[j] / (1 - Math.Pow(beta1, epoch));
                var vHat = vw[j] / (1 - Math.Pow(beta2, epoch));
                w[j] -= (float)(LearningRate * mHat / (Math.Sqrt(vHat) + eps));
            }
            var gbAvg = gb / total;
            mb = beta1 * mb + (1 - beta1) * gbAvg;
            vb = beta2 * vb + (1 - beta2) * gbAvg * gbAvg;
            b -= LearningRate * (mb / (1 - Math.Pow(beta1, epoch))) / (Math.Sqrt(vb / (1 - Math.Pow(beta2, epoch))) + eps);
        }
        return new TechniqueWeights(technique, w, (float)b, threshold);
    }

    /// <summary>
    /// Whether a rule hit should count outright: its tables must be right at least 90% of the time on dev
    /// (at least 3 hits), and counting them must not lower the technique's F1 there.
    /// </summary>
    private static bool ChooseRuleTrust(TechniqueClassifier model, float[][] devX, IReadOnlyList<LabelledUtterance> dev, Technique technique)
    {
        var column = TechniqueFeatures.EmbeddingSize + (int)technique;
        int hits = 0, correctHits = 0;
        int tp = 0, fp = 0, fn = 0, tpOr = 0, fpOr = 0, fnOr = 0;
        for (var i = 0; i < dev.Count; i++)
        {
            var expected = dev[i].Labels.Contains(technique);
            var rule = devX[i][column] > 0;
            var predicted = model.Predict(devX[i]).Contains(technique);
            if (rule)
            {
                hits++;
                if (expected) correctHits++;
            }
            Count(predicted, expected, ref tp, ref fp, ref fn);
            Count(predicted || rule, expected, ref tpOr, ref fpOr, ref fnOr);
        }
        static void Count(bool got, bool expected, ref int tp, ref int fp, ref int fn)
        {
            if (got && expected) tp++;
            else if (got) fp++;
            else if (expected) fn++;
        }
        static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        return hits >= 3 && correctHits >= 0.9 * hits && F1(tpOr, fpOr, fnOr) >= F1(tp, fp, fn);
    }

    // Only where dev has enough examples to say something; otherwise the neutral 0.5.
    private static double ChooseThreshold(TechniqueClassifier model, float[][] devX, IReadOnlyList<LabelledUtterance> dev, Technique technique)
    {
        var index = (int)technique;
        var expected = dev.Select(u => u.Labels.Contains(technique)).ToArray();
        if (expected.Count(e => e) < 5)
        {
            return 0.5;
        }
        var probabilities = devX.Select(f => model.Probabilities(f)[index]).ToArray();
        double F1At(double threshold)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < dev.Count; i++)
            {
                var got = probabilities[i] >= threshold;
                if (got && expected[i]) tp++;
                else if (got) fp++;
                else if (expected[i]) fn++;
            }
            return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }
        var best = (F1: -1.0, Threshold: 0.5);
        for (var step = 5; step <= 16; step++)
        {
            var threshold = step * 0.05;
            // Dev is small: one line can flip a single threshold's F1, so each threshold is judged with
            // its neighbours and the middle of a good plateau wins over a lucky spike.
            var f1 = (F1At(threshold - 0.05) + F1At(threshold) + F1At(threshold + 0.05)) / 3;
            // Prefer the threshold nearest 0.5 among equals: less fitted to dev's quirks.
            if (f1 > best.F1 + 1e-9 || (Math.Abs(f1 - best.F1) <= 1e-9 && Math.Abs(threshold - 0.5) < Math.Abs(best.Threshold - 0.5)))
            {
                best = (f1, Math.Round(threshold, 2));
            }
        }
        return best.Threshold;
    }
}
