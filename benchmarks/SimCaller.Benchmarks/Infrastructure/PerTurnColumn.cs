using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SimCaller.Benchmarks.Infrastructure;

/// <summary>
/// Mean time per practice turn for operations that take several turns at once (the concurrent webhook
/// load): the operation's mean divided by its <see cref="TurnsPerOperationAttribute"/>. Blank elsewhere.
/// </summary>
public sealed class PerTurnColumn : IColumn
{
    public static readonly PerTurnColumn Instance = new();

    public string Id => nameof(PerTurnColumn);
    public string ColumnName => "Mean/turn";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Mean divided by the practice turns one operation takes";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => Turns(benchmarkCase) is null;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => Turns(c) is not null);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var turns = Turns(benchmarkCase);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (turns is null || mean is null)
        {
            return "-";
        }
        var nanoseconds = mean.Value / turns.Value;
        return nanoseconds >= 1_000_000
            ? (nanoseconds / 1_000_000).ToString("0.000", CultureInfo.InvariantCulture) + " ms"
            : (nanoseconds / 1_000).ToString("0.0", CultureInfo.InvariantCulture) + " us";
    }

    private static int? Turns(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<TurnsPerOperationAttribute>()?.Turns;

    public override string ToString() => ColumnName;
}
