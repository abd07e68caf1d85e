namespace Elex.Browser.IndexedDb;

/// <summary>
/// Where one <see cref="IndexedDbAgentStore.WriteAsync"/> spent its time, for the persist
/// diagnostic: packing the batch in .NET, the whole awaited call into <c>elex-idb.js</c>, and the
/// module's own three phases inside that call (unpacking the buffer, merging and putting the chunks,
/// waiting for the commit). What the call took beyond the module's phases is the interop crossing:
/// handing the buffer in and resuming .NET when the promise resolves, which is also when the
/// runtime tends to collect the batch's garbage (measured: ~3 ms of a 600 KB batch's crossing).
/// </summary>
/// <param name="PackMs">Building the buffer from the batch (.NET).</param>
/// <param name="CallMs">The awaited call, from invoking the import to the resumed continuation.</param>
/// <param name="UnpackMs">Reading the buffer into records (JavaScript).</param>
/// <param name="PutMs">Reading each touched chunk's rows, merging the batch's into them and putting it back (JavaScript).</param>
/// <param name="CommitMs">From the last put to the transaction's <c>complete</c> event.</param>
/// <param name="Bytes">The size of the buffer that crossed.</param>
internal readonly record struct IdbWriteTimings(double PackMs, double CallMs, double UnpackMs, double PutMs, double CommitMs, int Bytes)
{
    /// <summary>The crossing: the call minus the module's phases (never negative).</summary>
    public double InteropMs => Math.Max(0, CallMs - UnpackMs - PutMs - CommitMs);

    /// <summary>The whole write as the store saw it.</summary>
    public double TotalMs => PackMs + CallMs;
}
