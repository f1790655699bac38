namespace SimCaller.Persona.Loading;

/// <summary>What the loader may check a persona against beyond the file itself.</summary>
/// <param name="CriterionIds">
/// The rubric's criterion ids, so <c>rubric: enable/disable</c> and <c>coaching:</c> keys can be checked;
/// null when the caller has no rubric at hand (those ids are then not checked).
/// </param>
public sealed record PersonaCheckOptions(IReadOnlySet<string>? CriterionIds = null);
