using System.Globalization;
using Elex.Core.Learning;

namespace Elex.Sync;

/// <summary>
/// The remote learning a swarm has accepted, and the merge of it into the local tables.
/// <para>
/// The ledger keeps, per (origin, agent), only the newest contribution: the agent's part of the
/// origin's highest-sequence delta that included it. A newer one replaces it; it is never added to.
/// So applying a delta twice changes nothing (idempotent), and the kept set does not depend on the
/// order deltas arrived in (commutative).
/// </para>
/// <para>
/// The merged Q of a slot is the visit-weighted mean over the local table and every contribution,
/// Σ q·n / Σ n, summed in double precision in a fixed order (local first, then origins by key), so
/// every arrival order gives bit-identical tables. Slots nobody has visited keep the local value.
/// </para>
/// Not thread-safe: the owner serialises access. Apply only deltas a <see cref="DeltaVerifier"/> accepted.
/// </summary>
public sealed class SyncLedger
{
    private static ReadOnlySpan<byte> Magic => "ELSL"u8;
    private const byte FormatVersion = 1;
    private const int ChecksumLength = 8;
    private const int HeaderLength = 4 + 1 + 4; // magic, version, contribution count
    private const int MinContributionLength = SwarmPublicKey.Length + 8 + AgentCodec.MinLength;

    private readonly SortedDictionary<string, SortedDictionary<SwarmPublicKey, Contribution>> _byAgent = new(StringComparer.Ordinal);

    /// <summary>An empty ledger for the swarm whose own key is <paramref name="self"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="self"/> is null.</exception>
    public SyncLedger(SwarmPublicKey self)
    {
        ArgumentNullException.ThrowIfNull(self);
        Self = self;
    }

    /// <summary>The swarm's own key; its deltas are never kept, because the local tables already are its learning.</summary>
    public SwarmPublicKey Self { get; }

    /// <summary>The agents with at least one remote contribution, in ordinal order: the ones worth merging.</summary>
    public IReadOnlyCollection<string> AgentIds => _byAgent.Keys;

    /// <summary>The number of (origin, agent) contributions kept.</summary>
    public int ContributionCount => _byAgent.Values.Sum(o => o.Count);

    /// <summary>
    /// Takes in a delta: each of its agents replaces the origin's kept contribution for that agent
    /// when the delta's sequence is higher. Returns true when anything changed; false for a delta
    /// already applied, an older one, or one of <see cref="Self"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="delta"/> is null.</exception>
    public bool Apply(QTableDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.Origin == Self) return false;
        var changed = false;
        foreach (var agent in delta.Agents)
        {
            if (!_byAgent.TryGetValue(agent.AgentId, out var origins))
                _byAgent[agent.AgentId] = origins = [];
            var incoming = new Contribution(delta.Sequence, agent);
            if (origins.TryGetValue(delta.Origin, out var kept) && !incoming.Supersedes(kept)) continue;
            origins[delta.Origin] = incoming;
            changed = true;
        }
        return changed;
    }

    /// <summary>The sequence of the delta whose contribution is kept for (origin, agent), or null when there is none.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public long? ContributionSequence(SwarmPublicKey origin, string agentId)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(agentId);
        return _byAgent.TryGetValue(agentId, out var origins) && origins.TryGetValue(origin, out var kept) ? kept.Sequence : null;
    }

    /// <summary>
    /// A new table: <paramref name="local"/> merged with every kept contribution for the agent.
    /// Per slot, Q = Σ q·n / Σ n over the local table and the contributions (the local value when
    /// Σ n = 0) and visits = local visits + Σ remote visits, saturating at <see cref="int.MaxValue"/>.
    /// <paramref name="local"/> is not changed.
    /// </summary>
    /// <remarks>
    /// Visits are summed, not kept local, because the merged value does rest on all those visits:
    /// a swarm that has seen a slot once must not outweigh the nine peers' visits it just adopted
    /// the next time it weighs its own table against a newcomer. The price: pass the agent's own
    /// table (the one it learns into and publishes), never a table this method returned — that
    /// already holds the remote visits and would count them again. Q-learning is off-policy, so an
    /// agent can act on the merged table while it keeps learning into its own.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public QTable MergedTable(string agentId, QTable local)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(local);
        var (values, visits) = local.Snapshot();
        var merged = new QTable();
        if (!_byAgent.TryGetValue(agentId, out var origins))
        {
            merged.Restore(values, visits);
            return merged;
        }

        var weighted = new double[QTable.Size];
        var total = new long[QTable.Size];
        for (var i = 0; i < QTable.Size; i++)
        {
            weighted[i] = (double)values[i] * visits[i];
            total[i] = visits[i];
        }
        // SortedDictionary enumerates by key: the fixed summation order that makes the result exact across arrival orders.
        foreach (var contribution in origins.Values)
            foreach (var slot in contribution.Agent.Slots)
            {
                weighted[slot.Slot] += (double)slot.Value * slot.Visits;
                total[slot.Slot] += slot.Visits;
            }
        for (var i = 0; i < QTable.Size; i++)
        {
            if (total[i] == 0) continue;
            values[i] = (float)(weighted[i] / total[i]);
            visits[i] = (int)Math.Min(total[i], int.MaxValue);
        }
        merged.Restore(values, visits);
        return merged;
    }

    /// <summary>
    /// The ledger as bytes, to persist it: magic "ELSL", version (u8) 1, contribution count (i32),
    /// then per contribution in (agent id, origin) order the origin key (32 bytes), the sequence
    /// (i64) and the agent in the delta wire form, and last the first 8 bytes of the SHA-256 of
    /// everything before them (a corruption check, not a signature: the file is local).
    /// </summary>
    public byte[] ToBytes()
    {
        var length = (long)HeaderLength + ChecksumLength;
        var count = 0;
        foreach (var origins in _byAgent.Values)
            foreach (var contribution in origins.Values)
            {
                length += SwarmPublicKey.Length + 8 + AgentCodec.Length(contribution.Agent);
                count++;
            }
        var bytes = new byte[length];
        var writer = new WireWriter(bytes);
        writer.Bytes(Magic);
        writer.U8(FormatVersion);
        writer.I32(count);
        foreach (var origins in _byAgent.Values)
            foreach (var (origin, contribution) in origins)
            {
                writer.Bytes(origin.Bytes);
                writer.I64(contribution.Sequence);
                AgentCodec.Write(ref writer, contribution.Agent);
            }
        writer.Bytes(Sha256.Hash(bytes.AsSpan(0, writer.Offset)).AsSpan(0, ChecksumLength));
        return bytes;
    }

    /// <summary>
    /// Reads a ledger written by <see cref="ToBytes"/>. Contributions from <paramref name="self"/>
    /// are dropped (an identity may have been re-imported): they would count local learning twice.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="self"/> is null.</exception>
    /// <exception cref="DeltaFormatException">The bytes are not a ledger of this format, or are corrupt; the message says what is wrong.</exception>
    public static SyncLedger FromBytes(ReadOnlySpan<byte> bytes, SwarmPublicKey self)
    {
        var ledger = new SyncLedger(self);
        var reader = new WireReader(bytes, "ledger");
        if (bytes.Length < HeaderLength + ChecksumLength)
            throw reader.Fail(DeltaFormatError.Truncated, $"The ledger is truncated: {bytes.Length} bytes is shorter than the {HeaderLength + ChecksumLength}-byte minimum.");
        if (!reader.Take(Magic.Length, "the magic").SequenceEqual(Magic))
            throw reader.FailAt(0, DeltaFormatError.BadMagic, "The data does not start with the ledger magic 'ELSL'.");
        var version = reader.U8("the version");
        if (version != FormatVersion)
            throw reader.FailAt(4, DeltaFormatError.UnsupportedVersion, $"Ledger format version {version} is not supported (expected {FormatVersion}).");
        var bodyLength = bytes.Length - ChecksumLength;
        if (!Sha256.Hash(bytes[..bodyLength]).AsSpan(0, ChecksumLength).SequenceEqual(bytes[bodyLength..]))
            throw reader.FailAt(bodyLength, DeltaFormatError.ChecksumMismatch, "The ledger checksum does not match: the data is corrupt or truncated.");

        var body = new WireReader(bytes[..bodyLength], "ledger");
        body.Take(HeaderLength - 4, "the header");
        var countAt = body.Offset;
        var count = body.I32("the contribution count");
        if (count < 0)
            throw body.FailAt(countAt, DeltaFormatError.InvalidHeader, $"The ledger's contribution count {count} is negative.");
        body.Require((long)count * MinContributionLength, $"the {count} contributions");

        string? previousAgent = null;
        SwarmPublicKey? previousOrigin = null;
        for (var i = 0; i < count; i++)
        {
            var at = body.Offset;
            var origin = SwarmPublicKey.FromBytes(body.Take(SwarmPublicKey.Length, $"the origin of contribution #{i}"));
            var sequence = body.I64($"the sequence of contribution #{i}");
            if (sequence < 0)
                throw body.FailAt(at + SwarmPublicKey.Length, DeltaFormatError.InvalidHeader, $"Contribution #{i} has a negative sequence ({sequence}).");
            var agent = AgentCodec.Read(ref body, null, i);
            var order = previousAgent is null ? 1 : string.CompareOrdinal(agent.AgentId, previousAgent);
            if (order == 0) order = origin.CompareTo(previousOrigin);
            if (order == 0)
                throw body.FailAt(at, DeltaFormatError.DuplicateAgent, $"Contribution #{i} repeats agent '{AgentDelta.Printable(agent.AgentId)}' from {origin.KeyId}.");
            if (order < 0)
                throw body.FailAt(at, DeltaFormatError.AgentsOutOfOrder, $"Contribution #{i} is out of (agent, origin) order.");
            previousAgent = agent.AgentId;
            previousOrigin = origin;
            if (origin == ledger.Self) continue;
            if (!ledger._byAgent.TryGetValue(agent.AgentId, out var origins))
                ledger._byAgent[agent.AgentId] = origins = [];
            origins[origin] = new Contribution(sequence, agent);
        }
        if (body.Remaining != 0)
            throw body.Fail(DeltaFormatError.TrailingBytes, $"The ledger has {body.Remaining.ToString(CultureInfo.InvariantCulture)} unexpected bytes before its checksum.");
        return ledger;
    }

    /// <summary>One origin's kept part for one agent, and the sequence of the delta it came from.</summary>
    private sealed record Contribution(long Sequence, AgentDelta Agent)
    {
        /// <summary>
        /// Newer sequences win. An honest origin never signs two different deltas with one sequence;
        /// if a faulty one does, the larger content wins, so every node still keeps the same one.
        /// </summary>
        public bool Supersedes(Contribution kept) =>
            Sequence != kept.Sequence ? Sequence > kept.Sequence : CompareContent(Agent, kept.Agent) > 0;

        private static int CompareContent(AgentDelta a, AgentDelta b)
        {
            var order = a.Slots.Count.CompareTo(b.Slots.Count);
            for (var i = 0; order == 0 && i < a.Slots.Count; i++)
            {
                DeltaSlot x = a.Slots[i], y = b.Slots[i];
                order = x.Slot.CompareTo(y.Slot);
                if (order == 0) order = BitConverter.SingleToInt32Bits(x.Value).CompareTo(BitConverter.SingleToInt32Bits(y.Value));
                if (order == 0) order = x.Visits.CompareTo(y.Visits);
            }
            return order;
        }
    }
}
