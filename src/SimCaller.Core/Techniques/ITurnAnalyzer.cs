namespace SimCaller.Core.Techniques;

/// <summary>Labels a trainee utterance with technique ids.</summary>
public interface ITurnAnalyzer
{
    /// <summary>
    /// Names this analyser and the version of its rules, stored with each session so a session's labels
    /// can be traced to what produced them (e.g. "rules/1"). Change it when the labelling changes.
    /// </summary>
    string Version => GetType().Name;

    /// <param name="text">What the trainee said (may be raw speech-to-text: no case, no punctuation, fillers).</param>
    /// <param name="context">What the customer said just before, when known; helps tell paraphrase from a new question.</param>
    Task<UtteranceAnalysis> AnalyzeAsync(string text, AnalysisContext? context = null, CancellationToken cancellationToken = default);
}

/// <param name="PreviousCustomerLine">The customer's line the trainee is answering.</param>
/// <param name="ScenarioKeywords">Words of the persona's problem (booking, refund, ...), to recognise a paraphrase.</param>
public sealed record AnalysisContext(string? PreviousCustomerLine = null, IReadOnlyList<string>? ScenarioKeywords = null);
