namespace Elex.Benchmarks.Scaling;

/// <summary>Stub.</summary>
public static class SwarmThroughputReport
{
    /// <summary>Stub.</summary>
    public static void Run(TextWriter output) => throw new NotImplementedException();
}
