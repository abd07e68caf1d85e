namespace Elex.Benchmarks.Scaling;

/// <summary>Stub.</summary>
public static class ScalingReport
{
    /// <summary>Stub.</summary>
    public static void Run(TextWriter output, string[] args) => throw new NotImplementedException();
}
