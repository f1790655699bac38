namespace SimCaller.Evaluation.Debriefs;

/// <summary>How the call did on one rubric criterion.</summary>
/// <param name="Score">0-100.</param>
/// <param name="Summary">One sentence for the trainee.</param>
/// <param name="Evidence">The trainee's own lines that earned or cost points, in call order.</param>
public sealed record CriterionResult(
    string Id,
    string Name,
    double Weight,
    int Score,
    string Summary,
    IReadOnlyList<EvidenceQuote> Evidence);
