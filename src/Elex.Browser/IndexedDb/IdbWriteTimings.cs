namespace Elex.Browser.IndexedDb;

/// <summary>
/// Where one <see cref="IndexedDbAgentStore.WriteAsync"/> spent its time, for the persist
/// diagnostic: packing the batch in .NET, the whole awaited call into <c>elex-idb.js</c>, and the
/// module's own three phases inside that call (unpacking the buffer, issuing the puts, waiting for
/// the commit). What the call took beyond the module's phases is the interop crossing: marshalling
/// the buffer in and the promise back out.
/// </summary>
/// <param name="PackMs">Building the buffer from the batch (.NET).</param>
/// <param name="CallMs">The awaited call, from invoking the import to the resumed continuation.</param>
/// <param name="UnpackMs">Reading the buffer into records (JavaScript).</param>
/// <param name="PutMs">Issuing the object-store puts, which structured-clone each value (JavaScript).</param>
/// <param name="CommitMs">From the last put to the transaction's <c>complete</c> event.</param>
/// <param name="Bytes">The size of the buffer that crossed.</param>
internal readonly record struct IdbWriteTimings(double PackMs, double CallMs, double UnpackMs, double PutMs, double CommitMs, int Bytes)
{
    /// <summary>The crossing: the call minus the module's phases (never negative).</summary>
    public double InteropMs => Math.Max(0, CallMs - UnpackMs - PutMs - CommitMs);

    /// <summary>The whole write as the store saw it.</summary>
    public double TotalMs => PackMs + CallMs;
}
