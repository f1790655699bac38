using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// One logistic regression per technique over the utterance's <see cref="TechniqueFeatures"/> (meaning,
/// rule hits, shape) and its <see cref="WordGrams"/> (wording): 18 dot products of ~400 dense numbers plus
/// the dozen or so word terms the sentence has, microseconds next to the sentence model. Hand-written rather
/// than ML.NET: training is full-batch with a fixed order, so `simcaller analyzer train` writes
/// byte-identical weights from the same corpus on any machine; the weights are a plain JSON file a reviewer
/// can diff; and the runtime needs no ML pipeline, schema or model zip to load.
/// </summary>
public sealed class TechniqueClassifier
{
    /// <summary>Name of the weights file beside the sources and embedded in the assembly.</summary>
    public const string FileName = "technique-classifier.json";

    private const int Format = 2;

    private const string ResourceName = "SimCaller.Evaluation.Analysis." + FileName;

    internal TechniqueClassifier(string embeddingModel, WordGrams grams, IReadOnlyList<TechniqueWeights> techniques, double threshold, TrainingNotes notes)
    {
        EmbeddingModel = embeddingModel;
        Threshold = threshold;
        Grams = grams;
        Techniques = techniques;
        Notes = notes;
        Version = "lr-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())))[..8];
    }

    /// <summary>The sentence model whose vectors the weights were trained on.</summary>
    public string EmbeddingModel { get; }

    /// <summary>Short content hash of the weights: sessions record it, so a changed classifier shows.</summary>
    public string Version { get; }

    /// <summary>
    /// The probability at which a technique counts, one for all: chosen in training on the dev split, read
    /// the way the analyser reads a turn. Balanced class weights make 0.5 the even-odds point in training,
    /// but on independent authors' dev lines a stricter cut-off trades a little recall for more precision;
    /// one threshold per technique was tried and fitted dev's noise instead.
    /// </summary>
    public double Threshold { get; }

    internal WordGrams Grams { get; }

    internal IReadOnlyList<TechniqueWeights> Techniques { get; }

    internal TrainingNotes Notes { get; }

    /// <summary>What the weights read of one sentence: its vector, the rules' hits and its words.</summary>
    public TechniqueInput Features(ReadOnlySpan<float> embedding, UtteranceAnalysis rules, string text) =>
        new(TechniqueFeatures.Build(embedding, rules, text), Grams.Vectorize(TextNormalizer.Normalize(text)));

    /// <summary>Probability per technique (vocabulary order).</summary>
    internal double[] Probabilities(TechniqueInput input)
    {
        var result = new double[Techniques.Count];
        for (var i = 0; i < Techniques.Count; i++)
        {
            result[i] = Techniques[i].Probability(input);
        }
        return result;
    }

    /// <summary>
    /// Where the rule tables also found the technique, even odds from the model are enough: their precise
    /// phrasings ("where are you having ...", "calm down") are evidence of their own, and on dev this lower
    /// bar cost nothing while it keeps short, plain questions the sentence vector is unsure of.
    /// </summary>
    public const double EvenOdds = 0.5;

    /// <summary>The probability a technique needs, given whether the rule tables found it.</summary>
    internal static double Bar(double threshold, bool ruleHit) => ruleHit ? Math.Min(EvenOdds, threshold) : threshold;

    /// <summary>Per technique: did the rule tables find it in any of these inputs (a turn's sentences and the whole).</summary>
    internal static bool[] RuleHits(IEnumerable<float[]> dense)
    {
        var hits = new bool[TechniqueIds.All.Count];
        foreach (var features in dense)
        {
            for (var t = 0; t < hits.Length; t++)
            {
                hits[t] |= features[TechniqueFeatures.EmbeddingSize + t] > 0;
            }
        }
        return hits;
    }

    /// <summary>The techniques whose probability reaches its bar (<see cref="Threshold"/>, or <see cref="EvenOdds"/> with a rule hit).</summary>
    public IReadOnlySet<Technique> Predict(TechniqueInput input) => Above(Probabilities(input), RuleHits([input.Dense]), Threshold);

    internal static IReadOnlySet<Technique> Above(double[] probabilities, bool[] ruleHits, double threshold) =>
        TechniqueIds.All.Where(t => probabilities[(int)t] >= Bar(threshold, ruleHits[(int)t])).ToHashSet();

    /// <summary>
    /// How likely a turn of several sentences carries each technique: its best sentence's probability and
    /// the whole turn's, averaged. The sentence keeps a move from being diluted by the rest of the turn
    /// (a greeting before the empathy); the whole turn sees what only shows across sentences (a no and the
    /// alternative after it, a restatement finished by "is that right?"). The average beat either alone,
    /// and their union, on the independent blind sets.
    /// </summary>
    internal static double[] ForTurn(IReadOnlyList<double[]> sentences, double[] whole)
    {
        var turn = new double[whole.Length];
        for (var t = 0; t < turn.Length; t++)
        {
            turn[t] = (sentences.Max(s => s[t]) + whole[t]) / 2;
        }
        return turn;
    }

    /// <summary>The weights shipped with this build (embedded from <see cref="FileName"/>).</summary>
    /// <exception cref="InvalidDataException">The embedded file is missing or malformed.</exception>
    public static TechniqueClassifier LoadShipped()
    {
        using var stream = typeof(TechniqueClassifier).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The build carries no {FileName}; run 'simcaller analyzer train'.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    /// <exception cref="InvalidDataException">Not a weights file of this format (what is wrong is named).</exception>
    public static TechniqueClassifier FromJson(string json)
    {
        WeightsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<WeightsFile>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Classifier weights are not valid JSON: {ex.Message}", ex);
        }
        if (file is null || file.Format != Format)
        {
            throw new InvalidDataException($"Classifier weights: expected \"format\": {Format}; retrain with 'simcaller analyzer train'.");
        }
        var grams = new WordGrams(file.WordGrams.Terms, file.WordGrams.Idf);
        var techniques = new List<TechniqueWeights>();
        foreach (var t in TechniqueIds.All)
        {
            var entry = file.Techniques.FirstOrDefault(e => e.Id == t.ToId())
                ?? throw new InvalidDataException($"Classifier weights: no entry for technique '{t.ToId()}'.");
            if (entry.Weights.Length != TechniqueFeatures.Count)
            {
                throw new InvalidDataException($"Classifier weights: '{entry.Id}' has {entry.Weights.Length} weights, expected {TechniqueFeatures.Count}.");
            }
            if (entry.GramWeights.Length != grams.Count)
            {
                throw new InvalidDataException($"Classifier weights: '{entry.Id}' has {entry.GramWeights.Length} word-gram weights, expected {grams.Count}.");
            }
            techniques.Add(new TechniqueWeights(t, entry.Weights, entry.GramWeights, entry.Bias));
        }
        if (file.Threshold is <= 0 or >= 1)
        {
            throw new InvalidDataException($"Classifier weights: threshold {file.Threshold} is not a probability between 0 and 1.");
        }
        return new TechniqueClassifier(file.EmbeddingModel, grams, techniques, file.Threshold, file.Training ?? new TrainingNotes());
    }

    public string ToJson()
    {
        var file = new WeightsFile
        {
            Format = Format,
            EmbeddingModel = EmbeddingModel,
            Threshold = Math.Round(Threshold, 3),
            Training = Notes,
            WordGrams = new GramsEntry { Terms = [.. Grams.Terms], Idf = Grams.Idf.Select(v => MathF.Round(v, 4)).ToArray() },
            Techniques = Techniques.Select(t => new WeightsEntry
            {
                Id = t.Technique.ToId(),
                Bias = MathF.Round(t.Bias, 4),
                Weights = t.Weights.Select(w => MathF.Round(w, 4)).ToArray(),
                GramWeights = t.GramWeights.Select(w => MathF.Round(w, 4)).ToArray(),
            }).ToList(),
        };
        return JsonSerializer.Serialize(file, Json) + "\n";
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed class WeightsFile
    {
        public int Format { get; set; }
        public string EmbeddingModel { get; set; } = "";
        public double Threshold { get; set; }
        public TrainingNotes? Training { get; set; }
        public GramsEntry WordGrams { get; set; } = new();
        public List<WeightsEntry> Techniques { get; set; } = [];
    }

    private sealed class GramsEntry
    {
        public string[] Terms { get; set; } = [];
        public float[] Idf { get; set; } = [];
    }

    private sealed class WeightsEntry
    {
        public string Id { get; set; } = "";
        public float Bias { get; set; }
        public float[] Weights { get; set; } = [];
        public float[] GramWeights { get; set; } = [];
    }
}

/// <summary>One sentence as the classifier reads it: dense features and its word grams.</summary>
public sealed record TechniqueInput(float[] Dense, SparseVector Grams);

internal sealed record TechniqueWeights(Technique Technique, float[] Weights, float[] GramWeights, float Bias)
{
    public double Probability(TechniqueInput input) =>
        1 / (1 + Math.Exp(-(TensorPrimitives.Dot<float>(input.Dense, Weights) + input.Grams.Dot(GramWeights) + Bias)));
}

/// <summary>How the shipped weights were made, written into the weights file for the record.</summary>
public sealed class TrainingNotes
{
    public string Corpus { get; set; } = "";
    public int TrainLines { get; set; }
    public int DevLines { get; set; }
    public int Epochs { get; set; }
    public double LearningRate { get; set; }
    public double InverseRegularisation { get; set; }
    public double DevMicroF1 { get; set; }
}
