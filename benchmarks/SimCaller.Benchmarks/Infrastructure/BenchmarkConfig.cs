using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>
/// One short job for every benchmark so the whole suite runs in about ten minutes on two cores.
/// In-process: the web benchmarks host the API with WebApplicationFactory, which needs the API's deps
/// file beside the running assembly; BenchmarkDotNet's generated out-of-process project lacks it, and
/// skipping that second build also saves minutes.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(6)
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(PerTurnColumn.Instance);
    }
}
