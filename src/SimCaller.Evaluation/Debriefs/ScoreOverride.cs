namespace SimCaller.Evaluation.Debriefs;

/// <summary>A reviewer's change to one criterion's score, with who made it, when, and why.</summary>
/// <param name="Criterion">The criterion id, as in <see cref="CriterionResult.Id"/>.</param>
/// <param name="OldScore">The criterion's score just before this change (the machine's, or an earlier override's).</param>
/// <param name="NewScore">The reviewed score, 0-100.</param>
/// <param name="Reason">The reviewer's comment, shown to the trainee.</param>
/// <param name="By">The reviewer's email.</param>
public sealed record ScoreOverride(string Criterion, int OldScore, int NewScore, string Reason, string By, DateTimeOffset At);

/// <summary>Applies a review to a debrief: the machine's scores stay, the reviewed overall score is added.</summary>
public static class DebriefReview
{
    /// <summary>
    /// The debrief carrying <paramref name="overrides"/> (oldest first) and the overall score they lead to:
    /// the machine's score moved by the criteria's share of the overall score times the weighted change of
    /// the overridden criteria (each at its latest override). Outcome and anger curve keep their part.
    /// </summary>
    public static Debrief Apply(Debrief debrief, IReadOnlyList<ScoreOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(debrief);
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Count == 0)
        {
            return debrief with { Overrides = [], ReviewedScore = null };
        }
        var latest = overrides.GroupBy(o => o.Criterion, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().NewScore, StringComparer.Ordinal);
        var totalWeight = debrief.Criteria.Sum(c => c.Weight);
        var change = totalWeight > 0
            ? debrief.Criteria.Where(c => latest.ContainsKey(c.Id)).Sum(c => c.Weight * (latest[c.Id] - c.Score)) / totalWeight
            : 0;
        var reviewed = (int)Math.Round(Math.Clamp(debrief.Score + DebriefBuilder.CriteriaShare * change, 0, 100), MidpointRounding.AwayFromZero);
        return debrief with { Overrides = overrides.ToArray(), ReviewedScore = reviewed };
    }
}
