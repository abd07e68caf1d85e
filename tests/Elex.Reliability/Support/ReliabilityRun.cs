using System.Globalization;

namespace Elex.Reliability.Support;

/// <summary>
/// How big a run is: CI-sized by default, many times larger with <c>ELEX_RELIABILITY=long</c>.
/// The generators' seed is fixed (reproducible in CI) unless <c>ELEX_RELIABILITY_SEED</c> names one.
/// </summary>
public static class ReliabilityRun
{
    /// <summary>The environment variable that selects the long run (<c>long</c>).</summary>
    public const string ModeVariable = "ELEX_RELIABILITY";

    /// <summary>The environment variable that overrides the generators' seed.</summary>
    public const string SeedVariable = "ELEX_RELIABILITY_SEED";

    /// <summary>True when <c>ELEX_RELIABILITY=long</c>.</summary>
    public static bool IsLong { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "long", StringComparison.OrdinalIgnoreCase);

    /// <summary>The base seed of every generator (each test derives its own from it).</summary>
    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 20240917;

    /// <summary><paramref name="ci"/> in the default run, <paramref name="longRun"/> with the long flag.</summary>
    public static int Scale(int ci, int longRun) => IsLong ? longRun : ci;

    /// <summary>A line for failure messages: how to reproduce this case.</summary>
    public static string Reproduce(int caseSeed) =>
        $"(seed {Seed}, case seed {caseSeed}; rerun with {SeedVariable}={Seed}{(IsLong ? $" {ModeVariable}=long" : "")})";
}
