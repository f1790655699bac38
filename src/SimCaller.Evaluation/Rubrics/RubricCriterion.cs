namespace SimCaller.Evaluation.Rubrics;

/// <summary>One scored aspect of a call (rubric YAML: id, name, weight, description, evidence, enabled_by_default).</summary>
public sealed record RubricCriterion(
    string Id,
    string Name,
    double Weight,
    string Description,
    CriterionEvidence Evidence,
    bool EnabledByDefault);
