namespace Elex.Benchmarks.Scaling;

/// <summary>Stub.</summary>
public static class AgentMemoryReport
{
    /// <summary>Stub.</summary>
    public static void Run(TextWriter output) => throw new NotImplementedException();
}
