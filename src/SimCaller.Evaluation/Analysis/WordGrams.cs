using System.Numerics.Tensors;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// The words and word pairs of a normalised utterance, weighted tf-idf over the vocabulary training saw.
/// The sentence vector carries the gist but blurs the small words that decide a technique ("I'll" against
/// "they'll", "you should have", "as I said"); word pairs keep them. The vocabulary is learnt from the
/// corpus, so a new wording an author used twice counts without anyone writing a rule for it.
/// </summary>
public sealed class WordGrams
{
    /// <summary>Unigrams and bigrams: trigrams doubled the vocabulary for no gain on the independent sets.</summary>
    public const int MaxLength = 2;

    /// <summary>A term must occur in this many training lines: one-off wording is noise the weights would memorise.</summary>
    public const int MinLines = 2;

    private readonly Dictionary<string, int> _index;

    internal WordGrams(IReadOnlyList<string> terms, float[] idf)
    {
        if (terms.Count != idf.Length)
        {
            throw new InvalidDataException($"Word grams: {terms.Count} terms but {idf.Length} idf weights.");
        }
        Terms = terms;
        Idf = idf;
        _index = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            if (!_index.TryAdd(terms[i], i))
            {
                throw new InvalidDataException($"Word grams: the term '{terms[i]}' is listed twice.");
            }
        }
    }

    public IReadOnlyList<string> Terms { get; }

    internal float[] Idf { get; }

    public int Count => Terms.Count;

    /// <summary>The terms of a normalised text (<see cref="Core.Text.TextNormalizer.Normalize"/>), repeats kept.</summary>
    public static IEnumerable<string> Of(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var length = 1; length <= MaxLength; length++)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                yield return length == 1 ? words[start] : string.Join(' ', words, start, length);
            }
        }
    }

    /// <summary>
    /// The vocabulary of a training set: every term in at least <see cref="MinLines"/> lines, in ordinal
    /// order (so the same corpus gives the same file), with smoothed idf ln((1 + n) / (1 + df)) + 1.
    /// </summary>
    public static WordGrams Learn(IReadOnlyList<string> normalizedLines)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in normalizedLines)
        {
            foreach (var term in Of(line).Distinct(StringComparer.Ordinal))
            {
                lines[term] = lines.GetValueOrDefault(term) + 1;
            }
        }
        var kept = lines.Where(t => t.Value >= MinLines).OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        var n = normalizedLines.Count;
        return new WordGrams(
            kept.Select(t => t.Key).ToArray(),
            kept.Select(t => (float)(Math.Log((1.0 + n) / (1.0 + t.Value)) + 1)).ToArray());
    }

    /// <summary>Sublinear tf (1 + ln count) times idf, scaled to unit length; unknown terms are dropped.</summary>
    public SparseVector Vectorize(string normalized)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var term in Of(normalized))
        {
            if (_index.TryGetValue(term, out var i))
            {
                counts[i] = counts.GetValueOrDefault(i) + 1;
            }
        }
        var indices = counts.Keys.ToArray();
        var values = counts.Select(c => (float)((1 + Math.Log(c.Value)) * Idf[c.Key])).ToArray();
        var length = TensorPrimitives.Norm(values);
        if (length > 0)
        {
            TensorPrimitives.Divide(values, length, values);
        }
        return new SparseVector(indices, values);
    }
}

/// <summary>Non-zero entries of a long, mostly empty vector: indices ascending.</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public float Dot(float[] weights)
    {
        var sum = 0f;
        for (var i = 0; i < Indices.Length; i++)
        {
            sum += weights[Indices[i]] * Values[i];
        }
        return sum;
    }
}
