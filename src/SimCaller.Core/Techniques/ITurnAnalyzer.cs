namespace SimCaller.Core.Techniques;

/// <summary>Labels a trainee utterance with technique ids.</summary>
public interface ITurnAnalyzer
{
    /// <summary>
    /// Names this analyser and the version of what labels (rules, sentence model, classifier weights), stored
    /// with each session so its labels can be traced and scores stay comparable. Change it when the labelling changes.
    /// </summary>
    string Version => GetType().Name;

    /// <param name="text">What the trainee said (may be raw speech-to-text: no case, no punctuation, fillers).</param>
    /// <param name="context">What the customer said just before, when known; helps tell paraphrase from a new question.</param>
    Task<UtteranceAnalysis> AnalyzeAsync(string text, AnalysisContext? context = null, CancellationToken cancellationToken = default);
}

/// <param name="PreviousCustomerLine">The customer's line the trainee is answering.</param>
/// <param name="ScenarioKeywords">Words of the persona's problem (booking, refund, ...), to recognise a paraphrase.</param>
/// <param name="Scenario">The customer's problem in a sentence or two, to tell a question about it from an off-topic one.</param>
public sealed record AnalysisContext(string? PreviousCustomerLine = null, IReadOnlyList<string>? ScenarioKeywords = null, string? Scenario = null);
