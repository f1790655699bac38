namespace SimCaller.Hiring;

/// <summary>Where campaigns, candidates and their attempts live (the sessions' database). Each method is atomic.</summary>
public interface IHiringStore
{
    Task CreateCampaignAsync(Campaign campaign, CancellationToken cancellationToken = default);

    Task<Campaign?> FindCampaignAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The organisation's campaigns, newest first.</summary>
    Task<IReadOnlyList<Campaign>> ListCampaignsAsync(string organisationId, CancellationToken cancellationToken = default);

    Task CreateCandidateAsync(Candidate candidate, CancellationToken cancellationToken = default);

    Task<Candidate?> FindCandidateAsync(string id, CancellationToken cancellationToken = default);

    /// <param name="tokenHash">SHA-256 (hex) of the invite token.</param>
    Task<Candidate?> FindCandidateByTokenAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The campaign's candidates in the order they were invited.</summary>
    Task<IReadOnlyList<Candidate>> ListCandidatesAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one attempt in the database itself, only while fewer than <paramref name="maxAttempts"/> are
    /// used, so two calls started at once cannot both take the last one. False when none is left.
    /// </summary>
    Task<bool> ReserveAttemptAsync(string candidateId, int maxAttempts, CancellationToken cancellationToken = default);

    /// <summary>Gives back an attempt whose call could not be started.</summary>
    Task ReleaseAttemptAsync(string candidateId, CancellationToken cancellationToken = default);

    /// <summary>Links a started call to the candidate and campaign.</summary>
    Task AddAttemptAsync(string sessionId, string campaignId, string candidateId, DateTimeOffset startedAt, CancellationToken cancellationToken = default);

    /// <summary>The campaign a call was started for by invite, if it was.</summary>
    Task<Campaign?> FindCampaignOfSessionAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Every attempt of the campaign's candidates.</summary>
    Task<IReadOnlyList<CandidateAttempt>> ListAttemptsAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>Keeps an ended attempt's numbers, so the comparison need not read its debrief again.</summary>
    Task SaveSummaryAsync(string sessionId, AttemptSummary summary, CancellationToken cancellationToken = default);

    /// <summary>Deletes the candidate with every session of theirs (turns, debriefs, reviews) in one transaction.</summary>
    /// <returns>How many sessions were deleted.</returns>
    Task<int> DeleteCandidateAsync(string candidateId, CancellationToken cancellationToken = default);

    /// <summary>Candidates invited before <paramref name="cutoff"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Candidate>> ListCandidatesInvitedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken = default);
}
