namespace Elex.Benchmarks.Scaling;

/// <summary>Managed heap size after a full, compacting collection.</summary>
public static class ManagedMemory
{
    /// <summary>Bytes in use on the managed heap once garbage is collected.</summary>
    public static long Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
