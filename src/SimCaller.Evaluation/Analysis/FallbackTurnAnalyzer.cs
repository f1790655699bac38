using Microsoft.Extensions.Logging;
using SimCaller.Core.Techniques;
using SimCaller.Understanding;

namespace SimCaller.Evaluation.Analysis;

/// <summary>
/// Wraps an analyser that needs the sentence model: if the model is unavailable, this turn and every later
/// one are labelled by the fallback (the rules), with one logged warning, never an exception mid-call.
/// The components themselves stay free of "is the model there?" branches.
/// </summary>
public sealed class FallbackTurnAnalyzer(ITurnAnalyzer primary, ITurnAnalyzer fallback, ILogger logger) : ITurnAnalyzer
{
    private volatile bool _failed;

    /// <summary>The version of whichever analyser is labelling now.</summary>
    public string Version => _failed ? fallback.Version : primary.Version;

    public async Task<UtteranceAnalysis> AnalyzeAsync(string text, AnalysisContext? context = null, CancellationToken cancellationToken = default)
    {
        if (!_failed)
        {
            try
            {
                return await primary.AnalyzeAsync(text, context, cancellationToken).ConfigureAwait(false);
            }
            catch (EmbeddingUnavailableException ex)
            {
                if (!_failed)
                {
                    _failed = true;
                    logger.LogWarning("Sentence model unavailable, technique labels fall back to the rules ({Fallback}): {Reason}", fallback.Version, ex.Message);
                }
            }
        }
        return await fallback.AnalyzeAsync(text, context, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Builds the local analyser a composition root uses when no language model judges.</summary>
public static class LocalTurnAnalyzer
{
    /// <summary>
    /// Rules + sentence model + classifier behind a fallback to the rules when a sentence model is
    /// registered; the rules alone otherwise (Understanding:Model = none).
    /// </summary>
    public static ITurnAnalyzer Create(RuleBasedAnalyzer rules, ISentenceEmbedder? embedder, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(logger);
        return embedder is null
            ? rules
            : new FallbackTurnAnalyzer(new SemanticTurnAnalyzer(rules, embedder, TechniqueClassifier.LoadShipped()), rules, logger);
    }
}
