using Microsoft.Extensions.Options;
using SimCaller.Hiring;

namespace SimCaller.Api.Campaigns;

/// <summary>
/// Runs the candidate-data retention (Retention:CandidateDays) once at start-up and then every
/// Retention:IntervalMinutes, each run bounded (<see cref="CandidateRetention"/>). A failed run is logged
/// and the next one tries again; 0 days turns it off.
/// </summary>
public sealed class CandidateRetentionService(CandidateRetention retention, IOptions<RetentionOptions> options, TimeProvider time, ILogger<CandidateRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CandidateDays == 0)
        {
            logger.LogInformation("Candidate data retention is off (Retention:CandidateDays is 0)");
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await retention.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Candidate data retention failed; it runs again in {Minutes} minutes", options.Value.IntervalMinutes);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
