namespace SimCaller.Core.Calls;

/// <summary>
/// The persona's situation in its own words, so the debrief's example lines speak about this call's
/// problem and never borrow another customer's.
/// </summary>
/// <param name="Company">Who the trainee works for in this call.</param>
/// <param name="Product">What the call is about (the persona's <c>scenario.product</c>).</param>
/// <param name="Problem">What went wrong, as the persona file tells it (third person).</param>
/// <param name="Need">What resolves the call (the persona's <c>needs.core</c>).</param>
/// <param name="PartialNeed">What would help short of that (<c>needs.partial</c>).</param>
/// <param name="FirstFact">The first fact the customer can give (e.g. "booking reference").</param>
/// <param name="Coaching">The persona file's own example lines, by technique id: used before any worded from the scenario.</param>
public sealed record CallScenario(
    string? Company = null,
    string? Product = null,
    string? Problem = null,
    string? Need = null,
    string? PartialNeed = null,
    string? FirstFact = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Coaching = null);
