using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SimCaller.Benchmarks.Infrastructure;
using SimCaller.Core.Calls;
using SimCaller.Practice;

namespace SimCaller.Benchmarks;

/// <summary>
/// One full practice turn: load the session, analyse the words, move the mood, compose the offline
/// customer's reply and store both lines and the mood in SQLite (a temp file). Sessions are started in
/// [IterationSetup], outside the measurement: each iteration's turns are spread over a pool of fresh
/// sessions, turns 1 to 16 of each, so no call nears its turn limit or the end of its patience.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[InvocationCount(InvocationsPerIteration)]
public class TurnBenchmarks
{
    private const int InvocationsPerIteration = 64;
    private const int PoolSize = InvocationsPerIteration / TraineeLines.MidCallTurnsPerSession;

    private TempDirectory _folder = null!;
    private ServiceProvider _services = null!;
    private PracticeService _practice = null!;
    private string[] _sessions = [];
    private int _next;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _folder = new TempDirectory();
        _services = PracticeHost.Build(_folder.Database);
        _practice = _services.GetRequiredService<PracticeService>();
        ProbeAsync().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void IterationSetup()
    {
        _sessions = Enumerable.Range(0, PoolSize).Select(_ => StartAsync().GetAwaiter().GetResult()).ToArray();
        _next = 0;
    }

    [Benchmark(Description = "PracticeService.TakeTurnAsync (stressed-traveler, mid-call)")]
    public async Task<TurnResult> TakeTurn()
    {
        var index = _next++;
        if (index >= InvocationsPerIteration)
        {
            throw new InvalidOperationException($"More than {InvocationsPerIteration} turns in one iteration; the session pool is sized for that many.");
        }
        var turn = index / PoolSize;
        return await _practice.TakeTurnAsync(_sessions[index % PoolSize], new TraineeTurn(TraineeLines.MidCall[turn % TraineeLines.MidCall.Count]));
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    private async Task<string> StartAsync() =>
        (await _practice.StartAsync(new StartSessionRequest(RepositoryData.PersonaId, Seed: 1234))).SessionId;

    /// <summary>A pooled session must still be a live call after its last turn, or later turns would measure a refusal.</summary>
    private async Task ProbeAsync()
    {
        var session = await StartAsync();
        for (var turn = 0; turn < TraineeLines.MidCallTurnsPerSession; turn++)
        {
            var result = await _practice.TakeTurnAsync(session, new TraineeTurn(TraineeLines.MidCall[turn % TraineeLines.MidCall.Count]));
            if (result.Outcome != CallOutcome.InProgress)
            {
                throw new InvalidOperationException($"The mid-call script ended the call ({result.Outcome}) at turn {turn + 1}; the benchmark would not measure a typical turn.");
            }
        }
    }
}
