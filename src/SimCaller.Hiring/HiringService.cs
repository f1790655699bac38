using System.Globalization;
using Microsoft.Extensions.Logging;
using SimCaller.Accounts;
using SimCaller.Core.Calls;
using SimCaller.Persona.Definitions;
using SimCaller.Persona.Loading;
using SimCaller.Practice;

namespace SimCaller.Hiring;

/// <summary>A candidate just invited; the token is only ever in this answer.</summary>
public sealed record IssuedInvite(Candidate Candidate, string Token);

/// <summary>A call started by invite, with the call token that may continue it.</summary>
public sealed record InviteCall(SessionStarted Started, Candidate Candidate, Campaign Campaign);

/// <summary>
/// Hiring campaigns: a campaign fixes the customer, difficulty, seed and rubric; each candidate gets an
/// unguessable invite with capped attempts until the campaign's expiry; their results compare on identical
/// conditions. Everything is limited to the caller's organisation; another organisation's campaign or
/// candidate is reported as not found.
/// </summary>
public sealed class HiringService(IHiringStore store, PracticeService practice, PersonaCatalog personas, TimeProvider time, ILogger<HiringService> logger)
{
    public const int MaxAttemptsLimit = 100;
    public const int MaxNameLength = 200;

    /// <summary>Prefix of an invite token (256 random bits).</summary>
    public const string InviteTokenPrefix = "sci_";

    public static bool MayHire(Role role) => role is Role.Admin or Role.Hiring;

    /// <exception cref="HiringException">Unknown persona or difficulty, a bad name, attempts outside 1-100, an expiry not in the future.</exception>
    public async Task<Campaign> CreateCampaignAsync(
        Caller manager, string? name, string? personaId, string? difficulty, int? seed, int? maxAttempts, DateTimeOffset? expiresAt, bool showResults,
        string? rubric = null, CancellationToken ct = default)
    {
        RequireHiring(manager);
        var title = name?.Trim() ?? "";
        if (title.Length is 0 or > MaxNameLength)
        {
            throw new HiringException($"name must be 1 to {MaxNameLength} characters.");
        }
        var persona = personas.Find(personaId?.Trim() ?? "")
            ?? throw new HiringException(new UnknownPersonaException(personaId ?? "", personas.Ids).Message);
        if (!persona.TryResolveDifficulty(difficulty, out _))
        {
            throw new HiringException(new UnknownDifficultyException(persona.Id, difficulty ?? "", persona.DifficultyNames()).Message);
        }
        if (rubric is { Length: > 0 } && rubric.Trim() != practice.RubricId)
        {
            throw new HiringException($"Unknown rubric '{rubric}'; this service scores with '{practice.RubricId}'.");
        }
        if (maxAttempts is not { } attempts || attempts is < 1 or > MaxAttemptsLimit)
        {
            throw new HiringException($"max_attempts must be a whole number from 1 to {MaxAttemptsLimit}, not {(maxAttempts?.ToString(CultureInfo.InvariantCulture) ?? "missing")}.");
        }
        var now = time.GetUtcNow();
        if (expiresAt is not { } expiry)
        {
            throw new HiringException("expires_at is required: an ISO date-time in the future, e.g. 2026-12-31T18:00:00Z.");
        }
        if (expiry <= now)
        {
            throw new HiringException($"expires_at {expiry:O} is in the past; give a date-time in the future.");
        }
        var campaign = new Campaign(Secrets.NewId(), manager.OrganisationId, title, persona.Id, persona.CanonicalDifficulty(difficulty),
            seed ?? Random.Shared.Next(1, 1_000_000), practice.RubricId, practice.RubricHash, attempts, expiry, showResults, manager.AccountId, now);
        await store.CreateCampaignAsync(campaign, ct);
        logger.LogInformation("Campaign {CampaignId} created by {AccountId}: {Persona} ({Difficulty}, seed {Seed}), {MaxAttempts} attempts until {ExpiresAt}",
            campaign.Id, manager.AccountId, campaign.PersonaId, campaign.Difficulty, campaign.Seed, attempts, expiry);
        return campaign;
    }

    public async Task<IReadOnlyList<Campaign>> ListCampaignsAsync(Caller manager, CancellationToken ct = default)
    {
        RequireHiring(manager);
        return await store.ListCampaignsAsync(manager.OrganisationId, ct);
    }

    /// <exception cref="HiringNotFoundException">No such campaign in the caller's organisation.</exception>
    public async Task<Campaign> GetCampaignAsync(Caller manager, string campaignId, CancellationToken ct = default)
    {
        RequireHiring(manager);
        return await store.FindCampaignAsync(campaignId ?? "", ct) is { } campaign && campaign.OrganisationId == manager.OrganisationId
            ? campaign
            : throw new HiringNotFoundException($"There is no campaign '{campaignId}'.");
    }

    /// <summary>The campaign's candidates in the order they were invited (with the attempts each has used).</summary>
    /// <exception cref="HiringNotFoundException">No such campaign in the caller's organisation.</exception>
    public async Task<IReadOnlyList<Candidate>> ListCandidatesAsync(Caller manager, string campaignId, CancellationToken ct = default) =>
        await store.ListCandidatesAsync((await GetCampaignAsync(manager, campaignId, ct)).Id, ct);

    /// <summary>One invite for one candidate.</summary>
    public async Task<IssuedInvite> InviteAsync(Caller manager, string campaignId, string? candidateName, CancellationToken ct = default)
    {
        var campaign = await GetCampaignAsync(manager, campaignId, ct);
        var name = candidateName?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new HiringException($"candidate must be 1 to {MaxNameLength} characters (a name or an email).");
        }
        if (campaign.ExpiresAt <= time.GetUtcNow())
        {
            throw new HiringException($"The campaign expired at {campaign.ExpiresAt:O}; nobody more can be invited.");
        }
        var token = InviteTokenPrefix + System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var candidate = new Candidate(Secrets.NewId(), campaign.Id, campaign.OrganisationId, name, Secrets.Hash(token), 0, time.GetUtcNow());
        await store.CreateCandidateAsync(candidate, ct);
        logger.LogInformation("Candidate {CandidateId} invited to campaign {CampaignId} by {AccountId}", candidate.Id, campaign.Id, manager.AccountId);
        return new IssuedInvite(candidate, token);
    }

    /// <summary>
    /// Starts a candidate's attempt from their invite token, with the campaign's fixed conditions. The
    /// attempt counts as soon as the call starts.
    /// </summary>
    /// <param name="callTokenHash">Hash of the call token that will continue the call.</param>
    /// <exception cref="HiringNotFoundException">No such invite (or its candidate was deleted).</exception>
    /// <exception cref="InviteRefusedException">The campaign expired, the attempts are used, or the rubric changed.</exception>
    public async Task<InviteCall> StartAsync(string? inviteToken, string channel, string callTokenHash, CancellationToken ct = default)
    {
        var token = inviteToken?.Trim() ?? "";
        if (!token.StartsWith(InviteTokenPrefix, StringComparison.Ordinal) || token.Length > 200
            || await store.FindCandidateByTokenAsync(Secrets.Hash(token), ct) is not { } candidate
            || await store.FindCampaignAsync(candidate.CampaignId, ct) is not { } campaign)
        {
            throw new HiringNotFoundException("There is no such invite; check the link you were sent.");
        }
        if (campaign.ExpiresAt <= time.GetUtcNow())
        {
            throw new InviteRefusedException(InviteRefusal.Expired, $"This invite expired at {campaign.ExpiresAt:O}; ask the hiring team for a new one.");
        }
        if (campaign.RubricHash != practice.RubricHash)
        {
            throw new InviteRefusedException(InviteRefusal.RubricChanged,
                "The scoring rubric has changed since this campaign was made, so a new attempt would not compare fairly; the hiring team must make a new campaign.");
        }
        if (!await store.ReserveAttemptAsync(candidate.Id, campaign.MaxAttempts, ct))
        {
            throw new InviteRefusedException(InviteRefusal.AttemptsUsed,
                $"All {campaign.MaxAttempts} attempts of this invite have been used (max_attempts {campaign.MaxAttempts}).");
        }
        SessionStarted started;
        try
        {
            started = await practice.StartAsync(new StartSessionRequest(campaign.PersonaId, campaign.Difficulty, campaign.Seed, channel,
                Trainee: candidate.Name, OrganisationId: campaign.OrganisationId, CallTokenHash: callTokenHash), ct);
            await store.AddAttemptAsync(started.SessionId, campaign.Id, candidate.Id, time.GetUtcNow(), ct);
        }
        catch
        {
            await store.ReleaseAttemptAsync(candidate.Id, CancellationToken.None);
            throw;
        }
        logger.LogInformation("Candidate {CandidateId} started attempt {Attempt} of {Max} in campaign {CampaignId}: session {SessionId}",
            candidate.Id, candidate.AttemptsUsed + 1, campaign.MaxAttempts, campaign.Id, started.SessionId);
        return new InviteCall(started, candidate with { AttemptsUsed = candidate.AttemptsUsed + 1 }, campaign);
    }

    /// <summary>Whether the caller of this session may see its result: false for a campaign attempt whose campaign hides results.</summary>
    public async Task<bool> ShowsResultAsync(string sessionId, CancellationToken ct = default) =>
        await store.FindCampaignOfSessionAsync(sessionId, ct) is not { ShowResults: false };

    /// <summary>Every candidate of the campaign with their best finished attempt, sorted.</summary>
    public async Task<IReadOnlyList<ComparisonRow>> CompareAsync(
        Caller manager, string campaignId, ComparisonSort sort = ComparisonSort.Score, bool? descending = null, CancellationToken ct = default)
    {
        var campaign = await GetCampaignAsync(manager, campaignId, ct);
        var candidates = await store.ListCandidatesAsync(campaign.Id, ct);
        var attempts = await store.ListAttemptsAsync(campaign.Id, ct);
        var summaries = new Dictionary<string, AttemptSummary>(StringComparer.Ordinal);
        foreach (var attempt in attempts.Where(a => a.Ended))
        {
            if (attempt.Summary is { } known)
            {
                summaries[attempt.SessionId] = known;
            }
            else if (await practice.FindDebriefAsync(attempt.SessionId, ct) is { } stored)
            {
                // Summarised once, the first time it is compared after it ended; the debrief is not read again.
                var d = stored.Debrief;
                var summary = new AttemptSummary(d.Score, d.Outcome.ToId(), d.Criteria.ToDictionary(c => c.Id, c => c.Score),
                    d.Stats.SecondsToFirstEmpathy, d.Stats.HarmfulMoveCount);
                await store.SaveSummaryAsync(attempt.SessionId, summary, ct);
                summaries[attempt.SessionId] = summary;
            }
        }
        var rows = candidates.Select(candidate =>
        {
            var (bestSession, best) = attempts
                .Where(a => a.CandidateId == candidate.Id && summaries.ContainsKey(a.SessionId))
                .Select(a => (a.StartedAt, a.SessionId, Summary: summaries[a.SessionId]))
                .OrderByDescending(a => a.Summary.Score).ThenBy(a => a.StartedAt)
                .Select(a => ((string?)a.SessionId, (AttemptSummary?)a.Summary))
                .FirstOrDefault();
            return new ComparisonRow(candidate.Id, candidate.Name, candidate.AttemptsUsed, best?.Score, best?.Outcome,
                best?.Criteria ?? new Dictionary<string, int>(), best?.FirstEmpathySeconds, best?.HarmfulMoves, bestSession);
        });
        return Sort(rows, sort, descending).ToArray();
    }

    /// <summary>Deletes a candidate of the caller's organisation with all their sessions; logged.</summary>
    /// <returns>How many sessions were deleted.</returns>
    public async Task<int> DeleteCandidateAsync(Caller manager, string candidateId, CancellationToken ct = default)
    {
        RequireHiring(manager);
        if (await store.FindCandidateAsync(candidateId ?? "", ct) is not { } candidate || candidate.OrganisationId != manager.OrganisationId)
        {
            throw new HiringNotFoundException($"There is no candidate '{candidateId}'.");
        }
        var sessions = await store.DeleteCandidateAsync(candidate.Id, ct);
        logger.LogInformation("Candidate {CandidateId} of campaign {CampaignId} deleted by {AccountId} with {Sessions} sessions",
            candidate.Id, candidate.CampaignId, manager.AccountId, sessions);
        return sessions;
    }

    /// <summary>Deletes, with their sessions, candidates invited before <paramref name="cutoff"/> (the retention), at most <paramref name="limit"/>.</summary>
    /// <returns>How many candidates were deleted.</returns>
    public async Task<int> DeleteCandidatesInvitedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken ct = default)
    {
        var expired = await store.ListCandidatesInvitedBeforeAsync(cutoff, limit, ct);
        foreach (var candidate in expired)
        {
            var sessions = await store.DeleteCandidateAsync(candidate.Id, ct);
            logger.LogInformation("Retention: candidate {CandidateId} of campaign {CampaignId}, invited {InvitedAt:O}, deleted with {Sessions} sessions",
                candidate.Id, candidate.CampaignId, candidate.CreatedAt, sessions);
        }
        return expired.Count;
    }

    private static IEnumerable<ComparisonRow> Sort(IEnumerable<ComparisonRow> rows, ComparisonSort sort, bool? descending)
    {
        // Rows without a value (no finished attempt, never empathised) go last either way.
        var desc = descending ?? sort == ComparisonSort.Score;
        return sort switch
        {
            ComparisonSort.Candidate => desc
                ? rows.OrderByDescending(r => r.Candidate, StringComparer.OrdinalIgnoreCase)
                : rows.OrderBy(r => r.Candidate, StringComparer.OrdinalIgnoreCase),
            ComparisonSort.FirstEmpathy => Nullable(rows, r => r.FirstEmpathySeconds, desc),
            ComparisonSort.HarmfulMoves => Nullable(rows, r => r.HarmfulMoves, desc),
            _ => Nullable(rows, r => r.BestScore, desc),
        };
    }

    private static IOrderedEnumerable<ComparisonRow> Nullable<T>(IEnumerable<ComparisonRow> rows, Func<ComparisonRow, T?> key, bool descending)
        where T : struct, IComparable<T>
    {
        var ordered = rows.OrderBy(r => key(r) is null ? 1 : 0);
        ordered = descending ? ordered.ThenByDescending(r => key(r) ?? default) : ordered.ThenBy(r => key(r) ?? default);
        return ordered.ThenBy(r => r.Candidate, StringComparer.OrdinalIgnoreCase);
    }

    private static void RequireHiring(Caller caller)
    {
        if (!MayHire(caller.Role))
        {
            throw new HiringAccessDeniedException("Only hiring managers and admins may run hiring campaigns.");
        }
    }
}
