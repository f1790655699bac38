using BenchmarkDotNet.Running;

namespace SimCaller.Benchmarks;

public static class Program
{
    // e.g. dotnet run -c Release --project benchmarks/SimCaller.Benchmarks -- --filter '*'
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
