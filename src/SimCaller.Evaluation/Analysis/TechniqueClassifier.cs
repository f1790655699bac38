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

    /// <summary>
    /// Training weighs each technique's few positive lines as much as its many negative ones (balanced
    /// classes), which puts the even-odds point where a missed move and a false one cost the same.
    /// </summary>
    public const double Threshold = 0.5;

    private const int Format = 2;

    private const string ResourceName = "SimCaller.Evaluation.Analysis." + FileName;

    internal TechniqueClassifier(string embeddingModel, WordGrams grams, IReadOnlyList<TechniqueWeights> techniques, TrainingNotes notes)
    {
        EmbeddingModel = embeddingModel;
        Grams = grams;
        Techniques = techniques;
        Notes = notes;
        Version = "lr-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())))[..8];
    }

    /// <summary>The sentence model whose vectors the weights were trained on.</summary>
    public string EmbeddingModel { get; }

    /// <summary>Short content hash of the weights: sessions record it, so a changed classifier shows.</summary>
    public string Version { get; }

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

    /// <summary>The techniques whose probability reaches <see cref="Threshold"/>.</summary>
    public IReadOnlySet<Technique> Predict(TechniqueInput input)
    {
        var found = new HashSet<Technique>();
        foreach (var technique in Techniques)
        {
            if (technique.Probability(input) >= Threshold)
            {
                found.Add(technique.Technique);
            }
        }
        return found;
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
        return new TechniqueClassifier(file.EmbeddingModel, grams, techniques, file.Training ?? new TrainingNotes());
    }

    public string ToJson()
    {
        var file = new WeightsFile
        {
            Format = Format,
            EmbeddingModel = EmbeddingModel,
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
