using System.Globalization;

namespace Elex.Sync;

/// <summary>
/// The gate received deltas pass before they reach the <see cref="SyncLedger"/>: well formed,
/// signed, from a trusted key, authentic, not this swarm's own and newer than the last one
/// accepted from the same origin. Keeps the highest accepted sequence per origin (persist it with
/// <see cref="ExportSequences"/> so replay protection survives a restart) and a counter per
/// outcome. Not thread-safe: the owner serialises access.
/// </summary>
public sealed class DeltaVerifier
{
    private readonly Dictionary<SwarmPublicKey, long> _lastAccepted = [];
    private readonly long[] _counts = new long[Enum.GetValues<DeltaStatus>().Length];

    /// <summary>A verifier that accepts deltas from the keys in <paramref name="trust"/>.</summary>
    /// <param name="trust">The trusted keys; read on every call, so later changes apply.</param>
    /// <param name="acceptOwnDeltas">
    /// False (the default) rejects this swarm's own deltas as <see cref="DeltaStatus.FromSelf"/>:
    /// the local tables already hold that learning, and merging it again would count it twice.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="trust"/> is null.</exception>
    public DeltaVerifier(TrustList trust, bool acceptOwnDeltas = false)
    {
        ArgumentNullException.ThrowIfNull(trust);
        Trust = trust;
        AcceptOwnDeltas = acceptOwnDeltas;
    }

    /// <summary>The trusted keys.</summary>
    public TrustList Trust { get; }

    /// <summary>Whether this swarm's own deltas are accepted.</summary>
    public bool AcceptOwnDeltas { get; }

    /// <summary>
    /// Decides about received bytes. On acceptance the delta's sequence becomes the origin's
    /// highest, so the same bytes are <see cref="DeltaStatus.Replayed"/> the second time.
    /// </summary>
    public DeltaVerdict Verify(ReadOnlySpan<byte> bytes)
    {
        SignedDelta signed;
        try
        {
            signed = DeltaCodec.Decode(bytes);
        }
        catch (DeltaFormatException e)
        {
            return Count(e.Error == DeltaFormatError.Unsigned ? DeltaStatus.Unsigned : DeltaStatus.Malformed, e.Message, null, null);
        }

        var delta = signed.Delta;
        var origin = delta.Origin;
        var what = $"Delta {delta.Sequence.ToString(CultureInfo.InvariantCulture)} from {origin.KeyId}";
        // Trust comes before the signature so unknown senders cost no curve arithmetic.
        if (!Trust.Contains(origin))
            return Count(DeltaStatus.UntrustedKey, $"{what}: the key is not trusted ({origin}).", null, origin);
        if (!signed.HasValidSignature())
            return Count(DeltaStatus.BadSignature, $"{what}: the signature does not verify; the bytes were altered or signed by another key.", null, origin);
        // After the signature, so a forgery claiming to be us is counted as the attack it is.
        if (origin == Trust.Self && !AcceptOwnDeltas)
            return Count(DeltaStatus.FromSelf, $"{what}: this swarm's own delta; ignored.", null, origin);
        if (_lastAccepted.TryGetValue(origin, out var last) && delta.Sequence <= last)
            return Count(DeltaStatus.Replayed,
                $"{what}: not newer than delta {last.ToString(CultureInfo.InvariantCulture)} already accepted from that origin; a replay or a stale copy.", null, origin);

        _lastAccepted[origin] = delta.Sequence;
        var slots = delta.Agents.Sum(a => a.Slots.Count);
        return Count(DeltaStatus.Accepted,
            $"{what}: accepted ({delta.Agents.Count.ToString(CultureInfo.InvariantCulture)} agents, {slots.ToString(CultureInfo.InvariantCulture)} slots).", delta, origin);
    }

    /// <summary>The highest sequence accepted from an origin, or null when none was.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="origin"/> is null.</exception>
    public long? LastAcceptedSequence(SwarmPublicKey origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return _lastAccepted.TryGetValue(origin, out var last) ? last : null;
    }

    /// <summary>How many verdicts had a status since the verifier was created.</summary>
    public long CountOf(DeltaStatus status) =>
        (uint)status < (uint)_counts.Length ? _counts[(int)status] : throw new ArgumentOutOfRangeException(nameof(status), status, "Not a DeltaStatus.");

    /// <summary>The highest accepted sequence per origin, one <c>ed25519-pub:&lt;base64&gt; &lt;sequence&gt;</c> per line in key order, as read by <see cref="ImportSequences"/>.</summary>
    public string ExportSequences() =>
        string.Join('\n', _lastAccepted.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>
    /// Restores sequences written by <see cref="ExportSequences"/>. Each is merged by maximum with
    /// what is already known, so an old export can never reopen a replay window. All lines are
    /// checked before any is applied.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">A line is not a key and a non-negative sequence; the message names the line.</exception>
    public void ImportSequences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = new List<(SwarmPublicKey Key, long Sequence)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
                throw new FormatException($"Sequence line {i + 1}: expected '<public key> <sequence>', got {parts.Length} fields.");
            if (!SwarmPublicKey.TryParse(parts[0], out var key, out var error))
                throw new FormatException($"Sequence line {i + 1}: {error}");
            if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                throw new FormatException($"Sequence line {i + 1}: '{parts[1]}' is not a non-negative whole number.");
            parsed.Add((key, sequence));
        }
        foreach (var (key, sequence) in parsed)
            if (!_lastAccepted.TryGetValue(key, out var known) || sequence > known) _lastAccepted[key] = sequence;
    }

    private DeltaVerdict Count(DeltaStatus status, string message, QTableDelta? delta, SwarmPublicKey? origin)
    {
        _counts[(int)status]++;
        return new DeltaVerdict(status, message, delta, origin);
    }
}
