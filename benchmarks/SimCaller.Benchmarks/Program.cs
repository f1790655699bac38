using BenchmarkDotNet.Running;

namespace SimCaller.Benchmarks;

public static class Program
{
    // e.g. dotnet run -c Release --project benchmarks/SimCaller.Benchmarks -- --filter '*'
    // or, for the phone-call capacity load test: ... -- capacity 500 1000 1500
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "capacity")
        {
            return CapacityLoadTest.Run(args[1..]);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
