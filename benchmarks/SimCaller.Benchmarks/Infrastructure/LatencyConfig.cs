using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>
/// Per-request latency: every measurement is one request (one invocation per iteration, no unrolling),
/// and no measurement is thrown away as an outlier, so the percentiles are those of single requests, the
/// slow ones included. In-process for the same reason as <see cref="BenchmarkConfig"/>.
/// </summary>
public sealed class LatencyConfig : ManualConfig
{
    public const int Requests = 300;

    public LatencyConfig()
    {
        AddJob(Job.Default
            // Seeding 10,000 sessions happens inside the first case, past the toolchain's default timeout on a busy machine.
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true))
            .WithLaunchCount(1)
            .WithWarmupCount(20)
            .WithIterationCount(Requests)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)
            .WithStrategy(RunStrategy.Monitoring)
            .WithId("Latency"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, PercentileColumn.P99, StatisticColumn.Max);
    }
}

/// <summary>The 99th percentile of the measurements (BenchmarkDotNet's own columns stop at P95).</summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    public static readonly PercentileColumn P99 = new(99);

    public string Id => $"P{percentile}";
    public string ColumnName => $"P{percentile}";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => 10;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;
    public string Legend => $"{percentile}th percentile of single requests";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "-";
        }
        var nanoseconds = statistics.Percentiles.Percentile(percentile);
        return (nanoseconds / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " ms";
    }

    public override string ToString() => ColumnName;
}
