using System.Collections.Concurrent;

namespace SimCaller.Api.Twilio;

/// <summary>
/// Logs a database outage once per call: the first failing webhook of a call is a warning, the ones
/// after it are debug lines, and the first webhook that succeeds again says so. Kept per instance.
/// </summary>
public sealed class CallOutageLog(ILogger<CallOutageLog> logger, TimeProvider time)
{
    // Calls whose outage was logged and who never came back (the caller hung up) are forgotten after this.
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);
    private const int PruneAbove = 1000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _failing = new(StringComparer.Ordinal);

    public void Failed(string callSid, string path, Exception outage)
    {
        if (_failing.TryAdd(callSid, time.GetUtcNow()))
        {
            Prune();
            logger.LogWarning("Database unavailable at {Path} on call {CallSid}: {Problem} The caller hears that the line broke up and is asked again; "
                + "further failures on this call are logged at debug level", path, callSid, outage.Message);
        }
        else
        {
            logger.LogDebug("Database still unavailable at {Path} on call {CallSid}: {Problem}", path, callSid, outage.Message);
        }
    }

    public void Answered(string callSid)
    {
        if (!_failing.IsEmpty && _failing.TryRemove(callSid, out var since))
            logger.LogInformation("Database answering again for call {CallSid} after {Seconds:0.#} s", callSid, (time.GetUtcNow() - since).TotalSeconds);
    }

    private void Prune()
    {
        if (_failing.Count <= PruneAbove) return;
        var cutoff = time.GetUtcNow() - Forget;
        foreach (var (callSid, since) in _failing)
        {
            if (since < cutoff) _failing.TryRemove(callSid, out _);
        }
    }
}
