using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SimCaller.Benchmarks.Infrastructure;
using SimCaller.Core.Calls;
using SimCaller.Core.Techniques;
using SimCaller.Practice;
using SimCaller.Practice.Replay;
using SimCaller.Practice.Storage;

namespace SimCaller.Benchmarks;

/// <summary>
/// Counterfactual replay of a stored 40-turn call from its first trainee turn: restore, analyse the new
/// line, step the engine through the 39 original lines with their stored labels, write the customer's
/// replies and score both runs. The call is read once in setup, so the figure is the replay alone; the
/// analysis of the one new line is measured on its own for comparison. The stressed traveller's turn
/// limit is raised in a copy of the persona, so a 40-turn call stays live.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ReplayBenchmarks
{
    private const int Turns = 40;
    private const string NewLine = "Oh no, the night before the wedding, that's awful. I'll get you on the first flight out myself.";

    private TempDirectory _folder = null!;
    private ServiceProvider _services = null!;
    private CallReplayer _replayer = null!;
    private ITurnAnalyzer _analyzer = null!;
    private StoredCall _call = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _folder = new TempDirectory();
        var personas = Path.Combine(Path.GetDirectoryName(_folder.Database)!, "personas");
        Directory.CreateDirectory(personas);
        var yaml = File.ReadAllText(Path.Combine(RepositoryData.Personas, RepositoryData.PersonaId + ".yaml"));
        File.WriteAllText(Path.Combine(personas, RepositoryData.PersonaId + ".yaml"),
            System.Text.RegularExpressions.Regex.Replace(yaml, @"max_turns: *\d+", "max_turns: 90"));
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(PracticeHost.Configuration(_folder.Database))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Personas:Path"] = personas })
            .Build();
        _services = new ServiceCollection().AddLogging(l => l.ClearProviders()).AddSimCallerPractice(configuration).BuildServiceProvider();
        var practice = _services.GetRequiredService<PracticeService>();
        _replayer = _services.GetRequiredService<CallReplayer>();
        _analyzer = _services.GetRequiredService<ITurnAnalyzer>();
        _call = PlayAsync(practice).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "analyse the one new line")]
    public Task<UtteranceAnalysis> AnalyseNewLine() => _analyzer.AnalyzeAsync(NewLine);

    [Benchmark(Description = "replay a 40-turn call from turn 1 (customer lines, both scores)")]
    public Task<ReplayResult> Replay() => _replayer.ReplayAsync(_call, 1, NewLine, stop: false, withReplies: true);

    [Benchmark(Description = "what-if curve of a 40-turn call from turn 1 (no customer lines)")]
    public Task<ReplayResult> WhatIf() => _replayer.ReplayAsync(_call, 1, NewLine, stop: false, withReplies: false);

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    private static async Task<StoredCall> PlayAsync(PracticeService practice)
    {
        var session = (await practice.StartAsync(new StartSessionRequest(RepositoryData.PersonaId, Seed: 1234))).SessionId;
        for (var turn = 0; turn < Turns; turn++)
        {
            var result = await practice.TakeTurnAsync(session, new TraineeTurn(TraineeLines.MidCall[turn % TraineeLines.MidCall.Count]));
            if (result.Outcome != CallOutcome.InProgress)
            {
                throw new InvalidOperationException($"The call ended ({result.Outcome}) at turn {turn + 1}; the benchmark needs {Turns} turns.");
            }
        }
        return (await practice.FindCallAsync(session))!;
    }
}
