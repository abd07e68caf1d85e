using System.Diagnostics;
using System.Globalization;

namespace Elex.Cli;

/// <summary>
/// With <c>ELEX_TIMINGS=1</c>, one line on stderr when the command ends saying where a run's wall
/// time went — runtime start, catalog, router, store, restore, query, close — so a slow one-shot
/// question can be diagnosed on the user's own machine (a store on a network drive, a stale index
/// snapshot, a build that is not ReadyToRun) without a profiler. Each stage also says how much of it
/// was spent compiling code at run time (JIT): much of a one-shot run's time when the tool was not
/// published ReadyToRun.
/// </summary>
internal static class StartupTimings
{
    /// <summary>The environment variable that, set to 1, turns the timings on.</summary>
    public const string Variable = "ELEX_TIMINGS";

    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static readonly List<(string Stage, double Ms, double JitMs)> Stages = [];
    private static double _last;
    private static double _lastJit;

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Starts the clock (Main calls it first, so "runtime" is the runtime's own start).</summary>
    public static void Start() => Clock.Start();

    /// <summary>Records the time since the previous mark (or since Main began) as <paramref name="stage"/>.</summary>
    public static void Mark(string stage)
    {
        if (!Enabled) return;
        lock (Stages)
        {
            var now = Clock.Elapsed.TotalMilliseconds;
            // Time the runtime spent compiling methods not precompiled (ReadyToRun) in this stage.
            var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds;
            Stages.Add((stage, now - _last, jit - _lastJit));
            _last = now;
            _lastJit = jit;
        }
    }

    /// <summary>Writes the line: the runtime's own start (process start to Main), then each stage, then the total.</summary>
    public static void Report(TextWriter error)
    {
        if (!Enabled) return;
        Mark("close");
        // The process start time is only read when asked for: it costs a /proc read.
        var runtime = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds - Clock.Elapsed.TotalMilliseconds;
        var parts = new List<string> { $"runtime {Ms(runtime)}" };
        lock (Stages) parts.AddRange(Stages.Select(s => $"{s.Stage} {Ms(s.Ms)} (jit {Ms(s.JitMs)})"));
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
        error.WriteLine($"elex: timings: {string.Join(" · ", parts)} · total {Ms(runtime + Clock.Elapsed.TotalMilliseconds)} ({methods} methods compiled at run time)");
    }

    private static string Ms(double ms) => Math.Max(0, ms).ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
