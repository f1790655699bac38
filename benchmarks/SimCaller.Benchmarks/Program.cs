using BenchmarkDotNet.Running;

namespace SimCaller.Benchmarks;

public static class Program
{
    // e.g. dotnet run -c Release --project benchmarks/SimCaller.Benchmarks -- --filter '*'
    // or, for the phone-call capacity load test: ... -- capacity 500 1000 1500
    // or, for the console's bounded load test (p99 of its read routes): ... -- console-load [requests-per-client]
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "capacity")
        {
            return CapacityLoadTest.Run(args[1..]);
        }
        if (args.Length > 0 && args[0] == "console-load")
        {
            return ConsoleLoad.RunAsync(args).GetAwaiter().GetResult();
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
