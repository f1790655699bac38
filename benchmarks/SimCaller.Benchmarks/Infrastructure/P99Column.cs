using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>
/// The 99th percentile of the iterations (BenchmarkDotNet's own columns stop at P95 and P100). Meaningful
/// where one iteration is one operation, as in <see cref="UnderstandingBenchmarks"/>.
/// </summary>
public sealed class P99Column : IColumn
{
    public static readonly P99Column Instance = new();

    public string Id => nameof(P99Column);
    public string ColumnName => "P99";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => 100;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;
    public string Legend => "Percentile 99: 99% of the iterations were at least this fast";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var nanoseconds = summary[benchmarkCase]?.ResultStatistics?.Percentiles.Percentile(99);
        if (nanoseconds is null)
        {
            return "-";
        }
        return nanoseconds.Value >= 1_000_000
            ? (nanoseconds.Value / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " ms"
            : (nanoseconds.Value / 1_000).ToString("0.00", CultureInfo.InvariantCulture) + " us";
    }

    public override string ToString() => ColumnName;
}
