using Orleans.Storage;

namespace Elex.Orleans.Tests;

/// <summary>Grain storage that fails the next writes on request, and counts what was written.</summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private int _failNext;
    private int _writes;

    /// <summary>Writes that reached the store.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>The next <paramref name="count"/> writes throw before reaching the store.</summary>
    public void FailNextWrites(int count) => Volatile.Write(ref _failNext, count);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Interlocked.Decrement(ref _failNext) >= 0) throw new IOException("disk full (injected)");
        await inner.WriteStateAsync(stateName, grainId, grainState);
        Interlocked.Increment(ref _writes);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
