using System.Text.RegularExpressions;
using SimCaller.Core.Techniques;
using SimCaller.Core.Text;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// What the classifier sees of one utterance: its sentence embedding (meaning), the rule tables' hits
/// (precise phrasings, worth keeping as evidence the model can weigh), and three shape flags.
/// </summary>
public static partial class TechniqueFeatures
{
    public const int EmbeddingSize = 384;

    public static int Count => EmbeddingSize + TechniqueIds.All.Count + 3;

    public static float[] Build(ReadOnlySpan<float> embedding, UtteranceAnalysis rules, string text)
    {
        if (embedding.Length != EmbeddingSize)
        {
            throw new ArgumentException($"Expected a {EmbeddingSize}-dimension embedding, got {embedding.Length}.", nameof(embedding));
        }
        var features = new float[Count];
        embedding.CopyTo(features);
        foreach (var technique in rules.Techniques)
        {
            features[EmbeddingSize + (int)technique] = 1;
        }
        var normalized = TextNormalizer.Normalize(text);
        features[^3] = IsQuestion(text, normalized) ? 1 : 0;
        features[^2] = IsPersonalCommitment(normalized) ? 1 : 0;
        features[^1] = WordCount(normalized) <= 3 ? 1 : 0;
        return features;
    }

    /// <summary>A question mark, or a question word or auxiliary up front ("um so where's the parcel now").</summary>
    public static bool IsQuestion(string original, string normalized) =>
        original.Contains('?') || QuestionStart().IsMatch(normalized);

    /// <summary>
    /// "I'll ...", "I'm going to ...": the agent binding themselves to act, which the vocabulary counts as
    /// ownership. The sentence vector barely tells "I'll" from "we'll" or "they'll", so it is a flag.
    /// </summary>
    public static bool IsPersonalCommitment(string normalized) => PersonalCommitment().IsMatch(normalized);

    public static int WordCount(string normalized) =>
        normalized.Length == 0 ? 0 : normalized.Count(c => c == ' ') + 1;

    [GeneratedRegex(@"^((so|and|ok|right|sorry|well|just|now|then|yes|no) )*(what|which|when|where|who|whose|why|how|can|could|would|will|do|does|did|is|are|was|were|may|have|has|tell me|walk me)\b")]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"\bi (will|am going to) (?!(have to|need|be honest|wait|keep helping|end|hang up)\b)\w+|\bi will be (on it|onto it)\b|\bi am on it\b")]
    private static partial Regex PersonalCommitment();
}
