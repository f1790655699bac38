using Microsoft.Extensions.Logging;
using SimCaller.Accounts;
using SimCaller.Evaluation.Debriefs;
using SimCaller.Practice;

namespace SimCaller.Training;

/// <summary>
/// A trainer's review of a call: any criterion's score overridden with a reason. The machine's scores stay
/// in the debrief; each override is kept with who made it, when, and the old and new score, and the
/// debrief everyone (the trainee too) reads carries them with the reviewed overall score.
/// </summary>
public sealed class ReviewService(ITrainingStore store, PracticeService practice, TimeProvider time, ILogger<ReviewService> logger)
{
    public const int MaxReasonLength = 2000;

    public static bool MayReview(Role role) => role is Role.Admin or Role.Trainer;

    /// <summary>Overrides one criterion of a session the caller's organisation owns.</summary>
    /// <returns>The debrief carrying every override so far.</returns>
    /// <exception cref="TrainingAccessDeniedException">The caller is not a trainer or admin.</exception>
    /// <exception cref="TrainingNotFoundException">No such session in the caller's organisation, or it has no debrief yet.</exception>
    /// <exception cref="TrainingException">Unknown criterion, a score outside 0-100, an empty or long reason.</exception>
    public async Task<Debrief> OverrideAsync(Caller reviewer, string sessionId, string? criterion, int? score, string? reason, CancellationToken ct = default)
    {
        if (!MayReview(reviewer.Role))
        {
            throw new TrainingAccessDeniedException("Only trainers and admins may review a call.");
        }
        if (await practice.FindAsync(sessionId ?? "", ct) is not { } session || session.OrganisationId != reviewer.OrganisationId)
        {
            throw new TrainingNotFoundException($"There is no session '{sessionId}'.");
        }
        if (await practice.FindDebriefAsync(session.SessionId, ct) is not { } stored)
        {
            throw new TrainingNotFoundException($"Session '{sessionId}' has no debrief yet: the call is still in progress.");
        }
        var id = criterion?.Trim() ?? "";
        var result = stored.Debrief.Criteria.FirstOrDefault(c => c.Id == id) ?? throw new TrainingException(
            $"Unknown criterion '{criterion}'. This call was scored on: {string.Join(", ", stored.Debrief.Criteria.Select(c => c.Id))}.");
        if (score is not { } newScore || newScore is < 0 or > 100)
        {
            throw new TrainingException($"score must be a whole number from 0 to 100, not {(score?.ToString() ?? "missing")}.");
        }
        var comment = reason?.Trim() ?? "";
        if (comment.Length == 0)
        {
            throw new TrainingException("reason must say why the score changes; the trainee reads it.");
        }
        if (comment.Length > MaxReasonLength)
        {
            throw new TrainingException($"reason may be at most {MaxReasonLength} characters; this one has {comment.Length}.");
        }
        var earlier = await store.ListOverridesAsync(session.SessionId, ct);
        var oldScore = earlier.LastOrDefault(o => o.Criterion == id)?.NewScore ?? result.Score;
        var added = new StoredOverride(Secrets.NewId(), session.SessionId, session.OrganisationId, id, oldScore, newScore, comment,
            reviewer.AccountId, reviewer.Email, time.GetUtcNow());
        await store.AddOverrideAsync(added, ct);
        logger.LogInformation("Session {SessionId}: {Criterion} overridden {Old} -> {New} by {ReviewerId}", session.SessionId, id, oldScore, newScore, reviewer.AccountId);
        return Apply(stored.Debrief, [.. earlier, added]);
    }

    /// <summary>The debrief with its session's overrides and reviewed score (unchanged when there are none).</summary>
    public async Task<Debrief> WithReviewAsync(Debrief debrief, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(debrief);
        return Apply(debrief, await store.ListOverridesAsync(debrief.SessionId, ct));
    }

    private static Debrief Apply(Debrief debrief, IReadOnlyList<StoredOverride> overrides) =>
        DebriefReview.Apply(debrief, overrides
            .Select(o => new ScoreOverride(o.Criterion, o.OldScore, o.NewScore, o.Reason, o.ReviewerEmail, o.CreatedAt))
            .ToArray());
}
