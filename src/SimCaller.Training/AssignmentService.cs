using Microsoft.Extensions.Logging;
using SimCaller.Accounts;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Practice;

namespace SimCaller.Training;

/// <summary>How one trainee stands on an assignment.</summary>
/// <param name="Done">Finished calls against the assigned customer and difficulty since the assignment was set.</param>
/// <param name="BestScore">Best debrief score of those calls; null before the first.</param>
/// <param name="LatestScore">Score of the most recent of those calls; null before the first.</param>
public sealed record TraineeProgress(string AccountId, string Email, int Done, bool Complete, double? BestScore, double? LatestScore);

/// <summary>An assignment with each of its trainees' progress.</summary>
/// <param name="Status">"complete" (every trainee has done the attempts), "overdue" (past the due date, not complete), "due".</param>
public sealed record AssignmentStatus(Assignment Assignment, string PersonaName, string Status, IReadOnlyList<TraineeProgress> Trainees);

/// <summary>
/// Assignments: a trainer sets a customer, difficulty, due date and number of attempts for one trainee or
/// a group (several trainees at once, under a group name). Every finished call the trainee makes against
/// that customer and difficulty after the assignment was set counts towards it.
/// </summary>
public sealed class AssignmentService(ITrainingStore store, IAccountStore accounts, PersonaCatalog personas, TimeProvider time, ILogger<AssignmentService> logger)
{
    public const int MaxAttempts = 100;
    public const int MaxTrainees = 500;

    public static bool MayAssign(Role role) => role is Role.Admin or Role.Trainer;

    /// <param name="trainees">Account ids or emails of trainees of the caller's organisation.</param>
    /// <exception cref="TrainingAccessDeniedException">The caller is not a trainer or admin.</exception>
    /// <exception cref="TrainingException">Unknown persona, difficulty or trainee, a due date in the past, attempts outside 1-100.</exception>
    public async Task<AssignmentStatus> CreateAsync(
        Caller trainer, string? personaId, string? difficulty, DateTimeOffset? dueAt, int? attempts, IReadOnlyList<string>? trainees, string? group,
        CancellationToken ct = default)
    {
        if (!MayAssign(trainer.Role))
        {
            throw new TrainingAccessDeniedException("Only trainers and admins may set assignments.");
        }
        var persona = personas.Find(personaId?.Trim() ?? "")
            ?? throw new TrainingException(new UnknownPersonaException(personaId ?? "", personas.Ids).Message);
        if (!persona.TryResolveDifficulty(difficulty, out _))
        {
            throw new TrainingException(new UnknownDifficultyException(persona.Id, difficulty ?? "", persona.DifficultyNames()).Message);
        }
        var now = time.GetUtcNow();
        if (dueAt is not { } due || due <= now)
        {
            throw new TrainingException(dueAt is null ? "due_at is required (an ISO date-time in the future)." : $"due_at {dueAt:O} is in the past; give a date in the future.");
        }
        var count = attempts ?? 1;
        if (count is < 1 or > MaxAttempts)
        {
            throw new TrainingException($"attempts must be from 1 to {MaxAttempts}, not {count}.");
        }
        var wanted = (trainees ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (wanted.Length is 0 or > MaxTrainees)
        {
            throw new TrainingException($"trainees must list 1 to {MaxTrainees} trainees (account ids or emails).");
        }
        var members = await accounts.ListAccountsAsync(trainer.OrganisationId, ct);
        var chosen = new List<Account>();
        foreach (var who in wanted)
        {
            var account = members.FirstOrDefault(a => a.Id == who || a.Email == AccountService.NormaliseEmail(who));
            if (account is null || account.Role != Role.Trainee)
            {
                throw new TrainingException($"'{who}' is not a trainee of your organisation.");
            }
            chosen.Add(account);
        }
        var name = string.IsNullOrWhiteSpace(group) ? null : group.Trim();
        if (name is { Length: > 100 })
        {
            throw new TrainingException("group may be at most 100 characters.");
        }
        var assignment = new Assignment(Secrets.NewId(), trainer.OrganisationId, persona.Id, persona.CanonicalDifficulty(difficulty), due, count, name, trainer.AccountId, now);
        await store.CreateAssignmentAsync(assignment, chosen.Select(a => a.Id).ToArray(), ct);
        logger.LogInformation("Assignment {AssignmentId} ({Persona}, {Difficulty}, {Attempts} attempts) set by {TrainerId} for {Count} trainees",
            assignment.Id, assignment.PersonaId, assignment.Difficulty, count, trainer.AccountId, chosen.Count);
        return await StatusAsync(assignment, chosen.Select(a => a.Id).ToArray(), members, ct);
    }

    /// <summary>
    /// For a trainee, their own assignments (what is due and how far they are); for trainers and admins,
    /// every assignment of the organisation with each trainee's completion, best and latest score.
    /// </summary>
    /// <exception cref="TrainingAccessDeniedException">A hiring manager (assignments are for training).</exception>
    public async Task<IReadOnlyList<AssignmentStatus>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        if (caller.Role == Role.Hiring)
        {
            throw new TrainingAccessDeniedException("Assignments are for trainers, admins and trainees.");
        }
        var own = caller.Role == Role.Trainee ? caller.AccountId : null;
        var assignments = await store.ListAssignmentsAsync(caller.OrganisationId, own, ct);
        var members = await accounts.ListAccountsAsync(caller.OrganisationId, ct);
        var result = new List<AssignmentStatus>(assignments.Count);
        foreach (var (assignment, accountIds) in assignments)
        {
            result.Add(await StatusAsync(assignment, own is null ? accountIds : [own], members, ct));
        }
        return result;
    }

    private async Task<AssignmentStatus> StatusAsync(Assignment assignment, IReadOnlyList<string> accountIds, IReadOnlyList<Account> members, CancellationToken ct)
    {
        var attempts = await store.ListAttemptsAsync(assignment, accountIds.Count == 1 ? accountIds[0] : null, ct);
        var progress = accountIds.Select(id =>
        {
            var mine = attempts.Where(a => a.AccountId == id).ToArray();
            return new TraineeProgress(id, members.FirstOrDefault(m => m.Id == id)?.Email ?? "", mine.Length, mine.Length >= assignment.Attempts,
                mine.Max(a => a.Score), mine.LastOrDefault()?.Score);
        }).ToArray();
        var status = progress.All(p => p.Complete) ? "complete" : time.GetUtcNow() > assignment.DueAt ? "overdue" : "due";
        return new AssignmentStatus(assignment, personas.Find(assignment.PersonaId)?.Name ?? assignment.PersonaId, status, progress);
    }
}
