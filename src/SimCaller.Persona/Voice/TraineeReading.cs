using Microsoft.Extensions.Logging;
using SimCaller.Core.Text;
using SimCaller.Persona.Definitions;
using SimCaller.Understanding;

namespace SimCaller.Persona.Voice;

/// <summary>What the customer makes of the trainee's words.</summary>
/// <param name="Fact">The persona fact the words ask for, if any.</param>
/// <param name="Relatedness">How related a line is to the words (higher is closer); used to prefer fitting replies.</param>
public sealed record TraineeReading(Fact? Fact, Func<string, double> Relatedness)
{
    public static TraineeReading Nothing { get; } = new(null, _ => 0);
}

/// <summary>Reads the trainee's words for the offline customer. One method, so a fallback can wrap it.</summary>
public interface ITraineeReader
{
    TraineeReading Read(string said, PersonaDefinition persona);
}

/// <summary>The rules: fact keywords, and shared words for relatedness.</summary>
public sealed class KeywordTraineeReader : ITraineeReader
{
    public static KeywordTraineeReader Instance { get; } = new();

    public TraineeReading Read(string said, PersonaDefinition persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        if (string.IsNullOrWhiteSpace(said))
        {
            return TraineeReading.Nothing;
        }
        var mine = ContentWords(said);
        return new TraineeReading(TraineeWords.MatchFact(said, persona.Scenario.Facts),
            line => mine.Count == 0 ? 0 : (double)ContentWords(line).Count(mine.Contains) / mine.Count);
    }

    private static HashSet<string> ContentWords(string text) =>
        TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// Reads by meaning with the sentence model: the fact whose example questions, topic or answers are
/// closest to what was asked, with the fact keywords as extra evidence. Persona material is embedded once (<see cref="Prepare"/>, at load and on
/// reload) and the trainee's words once per turn, shared with the analyser through the caching embedder.
/// </summary>
public sealed class SemanticTraineeReader(ISentenceEmbedder embedder) : ITraineeReader
{
    /// <summary>
    /// A fact counts as asked only this close to one of its references. Question-to-question similarity
    /// of paraphrases runs 0.5-0.9 with this model; unrelated questions stay under 0.3.
    /// </summary>
    public const double FactSimilarity = 0.42;

    // The keyword tables still know something: a fact whose keywords the trainee said gets this much extra.
    // Chosen on the persona files' own example questions, each left out in turn (not on the held-out set).
    internal double KeywordBonus { get; set; } = 0.15;

    // Question-to-question closeness says more than question-to-answer, so answers count for a little less.
    internal double AnswerWeight { get; set; } = 0.85;

    /// <summary>Embeds everything of the personas the customer may compare words with, in one batch each.</summary>
    public void Prepare(IEnumerable<PersonaDefinition> personas, CancellationToken cancellationToken = default)
    {
        foreach (var persona in personas)
        {
            var texts = persona.Scenario.Facts.SelectMany(f => QuestionsOf(f).Concat(AnswersOf(f)))
                .Concat(persona.Lines.Reactions.Values.SelectMany(byMood => byMood.Values).SelectMany(lines => lines)
                    .Select(l => ReplyLine.TryParse(l, out var line, out _) ? line.Text : null).OfType<string>())
                .Where(t => !string.IsNullOrWhiteSpace(t))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            // Small batches, so a process that is exiting can stop between them (a native model run cut
            // off by process exit prints an ONNX Runtime error).
            foreach (var batch in texts.Chunk(PrepareBatch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                embedder.Embed(batch);
            }
        }
    }

    private const int PrepareBatch = 16;

    public TraineeReading Read(string said, PersonaDefinition persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        if (string.IsNullOrWhiteSpace(said))
        {
            return TraineeReading.Nothing;
        }
        var words = said.Trim();
        // Sentence by sentence, as the analyser reads them (so the vectors are shared through the cache): in
        // "I'm so sorry about this. When did you book?" it is the question that asks for a fact, and the
        // apology would only blur it. Fragments such as "Okay." say nothing a fact or a line could match.
        var sentences = Sentences.Split(words);
        var pieces = sentences.Count <= 1 ? [words] : sentences.Where(s => TextNormalizer.Normalize(s).Count(c => c == ' ') >= 2).ToArray();
        if (pieces.Length == 0)
        {
            pieces = [words];
        }
        var vectors = embedder.Embed(pieces);
        var asking = pieces.Select((p, i) => (p, i)).Where(x => TraineeWords.IsQuestion(x.p)).Select(x => vectors[x.i]).ToArray();
        var matched = asking.Length > 0 ? asking : vectors;
        var keywordFact = TraineeWords.MatchFact(words, persona.Scenario.Facts);

        Fact? best = null;
        var bestScore = double.MinValue;
        foreach (var fact in persona.Scenario.Facts)
        {
            var closest = matched.Max(v => Math.Max(Closest(v, QuestionsOf(fact)), AnswerWeight * Closest(v, AnswersOf(fact))));
            var score = closest + (ReferenceEquals(fact, keywordFact) ? KeywordBonus : 0);
            if (score > bestScore)
            {
                best = fact;
                bestScore = score;
            }
        }
        return new TraineeReading(bestScore >= FactSimilarity ? best : null, line => Relatedness(vectors, line));
    }

    private double Relatedness(IReadOnlyList<float[]> said, string line)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                return 0;
            }
            var reference = embedder.Embed([line])[0];
            return said.Max(v => Vectors.Similarity(v, reference));
        }
        catch (EmbeddingUnavailableException)
        {
            return 0; // only a preference among fitting lines: without it, any of them will do
        }
    }

    private double Closest(float[] vector, IReadOnlyList<string> texts)
    {
        var best = double.MinValue;
        foreach (var reference in embedder.Embed(texts))
        {
            best = Math.Max(best, Vectors.Similarity(vector, reference));
        }
        return best;
    }

    private static string[] QuestionsOf(Fact fact) =>
        fact.Examples.Append($"What is your {fact.Topic}?").Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();

    private static string[] AnswersOf(Fact fact) =>
        fact.Answers.Select(a => a.Replace("{value}", fact.Value, StringComparison.OrdinalIgnoreCase)).Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();
}

/// <summary>
/// Reads by meaning while the sentence model works; if it cannot load, logs once and reads by keywords
/// from then on, so the customer never fails mid-call.
/// </summary>
public sealed class FallbackTraineeReader(ITraineeReader primary, ITraineeReader fallback, ILogger logger) : ITraineeReader
{
    private volatile bool _failed;

    public TraineeReading Read(string said, PersonaDefinition persona)
    {
        if (!_failed)
        {
            try
            {
                return primary.Read(said, persona);
            }
            catch (EmbeddingUnavailableException ex)
            {
                if (!_failed)
                {
                    _failed = true;
                    logger.LogWarning("Sentence model unavailable, the customer reads questions by keywords: {Reason}", ex.Message);
                }
            }
        }
        return fallback.Read(said, persona);
    }
}
