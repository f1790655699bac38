using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SimCaller.Core.Techniques;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// One logistic regression per technique over <see cref="TechniqueFeatures"/>: 18 dot products of ~400
/// numbers per utterance, microseconds next to the sentence model. Hand-written rather than ML.NET:
/// training is full-batch and single-threaded, so `simcaller analyzer train` writes byte-identical
/// weights from the same corpus on any machine; the weights are a plain JSON file a reviewer can diff;
/// and the runtime needs no ML pipeline, schema or model zip to load.
/// </summary>
public sealed class TechniqueClassifier
{
    /// <summary>Name of the weights file beside the sources and embedded in the assembly.</summary>
    public const string FileName = "technique-classifier.json";

    private const string ResourceName = "SimCaller.Evaluation.Analysis." + FileName;

    internal TechniqueClassifier(string embeddingModel, IReadOnlyList<TechniqueWeights> techniques, TrainingNotes notes)
    {
        EmbeddingModel = embeddingModel;
        Techniques = techniques;
        Notes = notes;
        Version = "lr-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())))[..8];
    }

    /// <summary>The sentence model whose vectors the weights were trained on.</summary>
    public string EmbeddingModel { get; }

    /// <summary>Short content hash of the weights: sessions record it, so a changed classifier shows.</summary>
    public string Version { get; }

    internal IReadOnlyList<TechniqueWeights> Techniques { get; }

    internal TrainingNotes Notes { get; }

    /// <summary>Probability per technique (vocabulary order) for one feature vector.</summary>
    internal double[] Probabilities(ReadOnlySpan<float> features)
    {
        var result = new double[Techniques.Count];
        for (var i = 0; i < Techniques.Count; i++)
        {
            result[i] = Sigmoid(TensorPrimitives.Dot(features, Techniques[i].Weights) + Techniques[i].Bias);
        }
        return result;
    }

    /// <summary>
    /// The techniques whose probability reaches their threshold, plus the rule hits of the techniques
    /// whose rule tables training found precise enough to trust outright (<see cref="TechniqueWeights.TrustRules"/>).
    /// </summary>
    public IReadOnlySet<Technique> Predict(ReadOnlySpan<float> features)
    {
        var probabilities = Probabilities(features);
        var found = new HashSet<Technique>();
        for (var i = 0; i < Techniques.Count; i++)
        {
            var ruleHit = features[TechniqueFeatures.EmbeddingSize + (int)Techniques[i].Technique] > 0;
            if (probabilities[i] >= Techniques[i].Threshold || (Techniques[i].TrustRules && ruleHit))
            {
                found.Add(Techniques[i].Technique);
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
        if (file is null || file.Format != 1)
        {
            throw new InvalidDataException("Classifier weights: expected \"format\": 1.");
        }
        var techniques = new List<TechniqueWeights>();
        foreach (var t in TechniqueIds.All)
        {
            var entry = file.Techniques.FirstOrDefault(e => e.Id == t.ToId())
                ?? throw new InvalidDataException($"Classifier weights: no entry for technique '{t.ToId()}'.");
            if (entry.Weights.Length != TechniqueFeatures.Count)
            {
                throw new InvalidDataException($"Classifier weights: '{entry.Id}' has {entry.Weights.Length} weights, expected {TechniqueFeatures.Count}.");
            }
            techniques.Add(new TechniqueWeights(t, entry.Weights, entry.Bias, entry.Threshold, entry.TrustRules));
        }
        return new TechniqueClassifier(file.EmbeddingModel, techniques, file.Training ?? new TrainingNotes());
    }

    public string ToJson()
    {
        var file = new WeightsFile
        {
            Format = 1,
            EmbeddingModel = EmbeddingModel,
            Training = Notes,
            Techniques = Techniques.Select(t => new WeightsEntry
            {
                Id = t.Technique.ToId(),
                Bias = MathF.Round(t.Bias, 5),
                Threshold = Math.Round(t.Threshold, 3),
                TrustRules = t.TrustRules,
                Weights = t.Weights.Select(w => MathF.Round(w, 5)).ToArray(),
            }).ToList(),
        };
        return JsonSerializer.Serialize(file, Json) + "\n";
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

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
        public List<WeightsEntry> Techniques { get; set; } = [];
    }

    private sealed class WeightsEntry
    {
        public string Id { get; set; } = "";
        public float Bias { get; set; }
        public double Threshold { get; set; } = 0.5;
        public bool TrustRules { get; set; }
        public float[] Weights { get; set; } = [];
    }
}

/// <param name="TrustRules">
/// The rule tables' hit for this technique counts whatever the probability: chosen in training where, on
/// dev, the tables are precise and adding their hits does not lower the technique's F1. Their stock
/// phrasings ("calm down", "like I said") are certain evidence the sentence vector can drown out.
/// </param>
internal sealed record TechniqueWeights(Technique Technique, float[] Weights, float Bias, double Threshold, bool TrustRules = false);

/// <summary>How the shipped weights were made, written into the weights file for the record.</summary>
public sealed class TrainingNotes
{
    public string Corpus { get; set; } = "";
    public int TrainLines { get; set; }
    public int DevLines { get; set; }
    public int Epochs { get; set; }
    public double LearningRate { get; set; }
    public double L2 { get; set; }
    public double DevMicroF1 { get; set; }
}
