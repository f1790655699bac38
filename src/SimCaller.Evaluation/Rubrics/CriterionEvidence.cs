using SimCaller.Core.Techniques;

namespace SimCaller.Evaluation.Rubrics;

/// <summary>What counts for a criterion: techniques that earn points, techniques that cost, and a note for people.</summary>
public sealed record CriterionEvidence(IReadOnlyList<Technique> Earns, IReadOnlyList<Technique> Costs, string Notes);
