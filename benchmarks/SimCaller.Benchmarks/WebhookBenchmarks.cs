using BenchmarkDotNet.Attributes;
using SimCaller.Benchmarks.Infrastructure;

namespace SimCaller.Benchmarks;

/// <summary>
/// Server time of the turn webhook with the offline customer: Twilio's signed Gather-action POST handled
/// by the real app in-process (TestServer, SQLite temp file), request to TwiML. Calls are dialled in
/// [IterationSetup] through the voice webhook, outside the measurement; every call then takes turns
/// 1 to 16 in order, as Twilio would post them, so no call nears its turn limit.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[InvocationCount(InvocationsPerIteration)]
public class WebhookBenchmarks
{
    private const int InvocationsPerIteration = 32;
    private const int TurnsPerCall = TraineeLines.MidCallTurnsPerSession;
    private const int ConcurrentCalls = 100;

    private TempDirectory _folder = null!;
    private SimCallerServer _server = null!;
    private HttpClient _http = null!;
    private PhoneCall[][] _groups = [];
    private int _next;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _folder = new TempDirectory();
        _server = new SimCallerServer(_folder.Database);
        _http = _server.CreateClient();
        // First requests pay for startup, schema creation and JIT; a whole probe call also proves the
        // script keeps every pooled call live (PhoneCall throws on anything but a Gather).
        var probe = new PhoneCall(_http);
        probe.DialAsync().GetAwaiter().GetResult();
        for (var n = 1; n <= TurnsPerCall; n++)
        {
            probe.SayAsync(n, Line(n)).GetAwaiter().GetResult();
        }
    }

    [IterationSetup(Target = nameof(OneTurn))]
    public void SetupOneTurn() => Dial(callsPerOperation: 1);

    [IterationSetup(Target = nameof(ConcurrentTurns))]
    public void SetupConcurrentTurns() => Dial(callsPerOperation: ConcurrentCalls);

    [Benchmark(Description = "POST /twilio/turn (one call)")]
    [TurnsPerOperation(1)]
    public Task OneTurn()
    {
        var (group, n) = Next();
        return group[0].SayAsync(n, Line(n));
    }

    [Benchmark(Description = "POST /twilio/turn x 100 concurrent calls")]
    [TurnsPerOperation(ConcurrentCalls)]
    public Task ConcurrentTurns()
    {
        var (group, n) = Next();
        var line = Line(n);
        return Task.WhenAll(group.Select(call => call.SayAsync(n, line)));
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _http.Dispose();
        _server.Dispose();
        _folder.Dispose();
    }

    private static string Line(int n) => TraineeLines.MidCall[(n - 1) % TraineeLines.MidCall.Count];

    /// <summary>Enough freshly dialled calls for one iteration: a group per 16 operations.</summary>
    private void Dial(int callsPerOperation)
    {
        var groupCount = (InvocationsPerIteration + TurnsPerCall - 1) / TurnsPerCall;
        _groups = Enumerable.Range(0, groupCount)
            .Select(_ => Enumerable.Range(0, callsPerOperation).Select(_ => new PhoneCall(_http)).ToArray())
            .ToArray();
        foreach (var group in _groups)
        {
            foreach (var call in group)
            {
                call.DialAsync().GetAwaiter().GetResult();
            }
        }
        _next = 0;
    }

    private (PhoneCall[] Group, int N) Next()
    {
        var index = _next++;
        if (index >= InvocationsPerIteration)
        {
            throw new InvalidOperationException($"More than {InvocationsPerIteration} operations in one iteration; the call pool is sized for that many.");
        }
        return (_groups[index / TurnsPerCall], index % TurnsPerCall + 1);
    }
}
