namespace SimCaller.Understanding;

/// <summary>
/// Turns sentences into unit-length vectors whose dot product says how close their meanings are.
/// One instance per process: implementations are safe to call from many threads at once.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>One unit-length vector per sentence, in order.</summary>
    /// <exception cref="EmbeddingUnavailableException">The model could not be loaded; callers fall back to the rules.</exception>
    float[][] Embed(IReadOnlyList<string> sentences);
}

/// <summary>The sentence model is not available (missing native runtime, corrupt package, out of memory).</summary>
public sealed class EmbeddingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
