using BenchmarkDotNet.Running;
using Elex.Benchmarks;

// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- latency       (per-query route percentiles, load + build time)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- --filter '*'  (BenchmarkDotNet suite)
if (args is ["latency"])
{
    LatencyReport.Run(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
