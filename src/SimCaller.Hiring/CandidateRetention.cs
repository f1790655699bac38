using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SimCaller.Hiring;

/// <summary>Configuration section "Retention": how long candidate data is kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Candidates invited longer ago than this are deleted with their sessions; 0 keeps them until deleted by hand.</summary>
    public int CandidateDays { get; set; } = 180;

    /// <summary>How often the retention runs.</summary>
    public double IntervalMinutes { get; set; } = 60;

    public TimeSpan Interval => TimeSpan.FromMinutes(IntervalMinutes);

    public sealed class Validator : IValidateOptions<RetentionOptions>
    {
        public ValidateOptionsResult Validate(string? name, RetentionOptions options)
        {
            var problems = new List<string>();
            if (options.CandidateDays is < 0 or > 3650)
                problems.Add($"{Section}:CandidateDays must be 0 (keep until deleted) to 3650, not {options.CandidateDays}.");
            if (options.IntervalMinutes is < 1 or > 7 * 24 * 60)
                problems.Add($"{Section}:IntervalMinutes must be 1 to 10080, not {options.IntervalMinutes}.");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

/// <summary>
/// One run of the candidate-data retention: deletes candidates invited more than Retention:CandidateDays
/// ago, with their sessions, in batches, a bounded number of them per run. A host runs it periodically;
/// tests call it directly with their own clock.
/// </summary>
public sealed class CandidateRetention(HiringService hiring, IOptions<RetentionOptions> options, TimeProvider time, ILogger<CandidateRetention> logger)
{
    public const int BatchSize = 100;
    public const int MaxBatchesPerRun = 50;

    public RetentionOptions Options => options.Value;

    /// <returns>How many candidates were deleted.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var days = options.Value.CandidateDays;
        if (days == 0)
        {
            return 0;
        }
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(days);
        var deleted = 0;
        // Bounded: what is left after the last batch waits for the next run.
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var count = await hiring.DeleteCandidatesInvitedBeforeAsync(cutoff, BatchSize, ct);
            deleted += count;
            if (count < BatchSize)
            {
                break;
            }
        }
        if (deleted > 0)
        {
            logger.LogInformation("Retention deleted {Count} candidates invited before {Cutoff:O} ({Days} days)", deleted, cutoff, days);
        }
        return deleted;
    }
}
