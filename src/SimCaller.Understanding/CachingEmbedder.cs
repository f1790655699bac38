using System.Collections.Concurrent;

namespace SimCaller.Understanding;

/// <summary>
/// Remembers vectors by exact sentence, so the analyser and the customer reading the same trainee words
/// embed them once per turn, and persona lines and facts are embedded once (at load) however many calls
/// use them. Bounded: when full, it starts afresh rather than grow without limit on a busy server.
/// </summary>
public sealed class CachingEmbedder(ISentenceEmbedder inner, int capacity = 50_000) : ISentenceEmbedder
{
    private ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public float[][] Embed(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var vectors = _vectors;
        var result = new float[sentences.Count][];
        var missing = new List<int>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (vectors.TryGetValue(sentences[i] ?? "", out var known))
            {
                result[i] = known;
            }
            else
            {
                missing.Add(i);
            }
        }
        if (missing.Count == 0)
        {
            return result;
        }
        var fresh = inner.Embed(missing.Select(i => sentences[i] ?? "").Distinct(StringComparer.Ordinal).ToArray());
        var byText = missing.Select(i => sentences[i] ?? "").Distinct(StringComparer.Ordinal).Zip(fresh).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        if (vectors.Count + byText.Count > capacity)
        {
            _vectors = vectors = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        }
        foreach (var i in missing)
        {
            var text = sentences[i] ?? "";
            result[i] = vectors.GetOrAdd(text, byText[text]);
        }
        return result;
    }

    /// <summary>Sentences remembered now (for tests and diagnostics).</summary>
    public int Count => _vectors.Count;
}
