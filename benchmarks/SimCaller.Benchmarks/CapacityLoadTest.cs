using System.Diagnostics;
using System.Globalization;
using SimCaller.Benchmarks.Infrastructure;

namespace SimCaller.Benchmarks;

/// <summary>
/// Capacity of the phone turn webhook with the sentence model on: N simulated phone calls arrive evenly
/// over the arrival window, each dials in and then speaks a turn every 4-8 s (a natural phone pace),
/// until the window has passed a second time, so at the end all N calls are live together. Reported: the
/// turn webhook's p50/p99/max over every turn, and whether p99 stays under 100 ms. Every turn's wording is
/// new (a per-call suffix), so each one pays for its own embedding as a real call would.
/// Not a BenchmarkDotNet job: capacity is a property of many overlapping calls over time, not of one
/// operation. Bounded: one run lasts twice the window, plus dialling.
/// </summary>
/// <remarks>dotnet run -c Release --project benchmarks/SimCaller.Benchmarks -- capacity 500 1000 1500 [--window 30]</remarks>
public static class CapacityLoadTest
{
    public const double P99GoalMs = 100;

    public static int Run(string[] args)
    {
        var window = TimeSpan.FromSeconds(30);
        var counts = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--window" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                window = TimeSpan.FromSeconds(seconds);
            }
            else if (int.TryParse(args[i], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                counts.Add(n);
            }
            else
            {
                Console.Error.WriteLine($"capacity: '{args[i]}' is neither a call count nor --window SECONDS");
                return 2;
            }
        }
        if (counts.Count == 0)
        {
            counts.AddRange([500, 1000, 1500]);
        }

        Console.WriteLine($"capacity: calls arrive over {window.TotalSeconds:0} s, a turn every 4-8 s, run ends at {2 * window.TotalSeconds:0} s; {Environment.ProcessorCount} cores; sentence model on (default)");
        Console.WriteLine("calls | turns | turns/s | p50 ms | p99 ms | max ms | failed | p99 < 100 ms, none failed");
        foreach (var calls in counts)
        {
            var result = RunOnce(calls, window);
            Console.WriteLine($"{calls,5} | {result.Turns,5} | {result.TurnsPerSecond,7:0.0} | {result.P50,6:0.0} | {result.P99,6:0.0} | {result.Max,6:0} | {result.Failed,6} | {(result.P99 < P99GoalMs && result.Failed == 0 ? "yes" : "no")}");
        }
        return 0;
    }

    private sealed record Outcome(int Turns, double TurnsPerSecond, double P50, double P99, double Max, int Failed);

    private static Outcome RunOnce(int calls, TimeSpan window)
    {
        using var folder = new TempDirectory();
        using var server = new SimCallerServer(folder.Database);
        using var http = server.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(2);
        Warm(http);

        var latencies = Enumerable.Range(0, calls).Select(_ => new List<double>()).ToArray();
        var clock = Stopwatch.StartNew();
        var end = 2 * window;
        var tasks = Enumerable.Range(0, calls)
            .Select(i => Task.Run(() => OneCall(http, i, window * i / calls, end, clock, latencies[i])))
            .ToArray();
        Task.WaitAll(tasks);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var failed = tasks.Count(t => !t.Result);
        return new Outcome(all.Length, all.Length / end.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length == 0 ? 0 : all[^1], failed);
    }

    // One call: dial at its arrival time, then a turn every 4-8 s (seeded per call, so runs are comparable).
    // False when the service answered anything but the next question (for example its "the line is
    // breaking up" hold under overload): that call is lost, and the run fails whatever its latencies.
    private static async Task<bool> OneCall(HttpClient http, int index, TimeSpan arrival, TimeSpan end, Stopwatch clock, List<double> latencies)
    {
        try
        {
            await Converse(http, index, arrival, end, clock, latencies);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task Converse(HttpClient http, int index, TimeSpan arrival, TimeSpan end, Stopwatch clock, List<double> latencies)
    {
        var random = new Random(index);
        await Until(arrival, clock);
        var call = new PhoneCall(http);
        await call.DialAsync();
        var next = clock.Elapsed + Pause(random);
        for (var n = 1; n <= TraineeLines.MidCallTurnsPerSession && next < end; n++)
        {
            await Until(next, clock);
            var line = TraineeLines.Fresh(TraineeLines.MidCall[(n - 1 + index) % TraineeLines.MidCall.Count], index);
            var started = clock.Elapsed;
            await call.SayAsync(n, line);
            latencies.Add((clock.Elapsed - started).TotalMilliseconds);
            next = clock.Elapsed + Pause(random);
        }
    }

    private static TimeSpan Pause(Random random) => TimeSpan.FromSeconds(4 + 4 * random.NextDouble());

    private static async Task Until(TimeSpan at, Stopwatch clock)
    {
        var wait = at - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    // Start-up, schema, JIT and the model's first load happen before the clock starts.
    private static void Warm(HttpClient http)
    {
        var call = new PhoneCall(http);
        call.DialAsync().GetAwaiter().GetResult();
        for (var n = 1; n <= 4; n++)
        {
            call.SayAsync(n, TraineeLines.MidCall[n]).GetAwaiter().GetResult();
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
