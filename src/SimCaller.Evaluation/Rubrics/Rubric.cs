namespace SimCaller.Evaluation.Rubrics;

/// <summary>A scoring rubric as trainers write it in rubrics/*.yaml; load it with <see cref="RubricLoader"/>.</summary>
/// <param name="SourceFile">Where it was loaded from, or "(built-in)" for the embedded copy.</param>
public sealed record Rubric(string Id, string Name, string Description, IReadOnlyList<RubricCriterion> Criteria, string SourceFile)
{
    public RubricCriterion? Find(string id) => Criteria.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The criteria that score a call: those enabled by default, minus <paramref name="disabled"/>, plus
    /// <paramref name="enabled"/> (a persona's toggles). Ids the rubric does not know are ignored.
    /// </summary>
    public IReadOnlyList<RubricCriterion> ActiveCriteria(IEnumerable<string>? disabled = null, IEnumerable<string>? enabled = null)
    {
        var off = new HashSet<string>(disabled ?? [], StringComparer.Ordinal);
        var on = new HashSet<string>(enabled ?? [], StringComparer.Ordinal);
        return Criteria.Where(c => on.Contains(c.Id) || c.EnabledByDefault && !off.Contains(c.Id)).ToArray();
    }
}
