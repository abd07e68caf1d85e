using Elex.Core.Learning;

namespace Elex.Sync.Tests;

public sealed class SyncLedgerTests
{
    private const string Agent = "agent-FAJ_121_3094";
    private static readonly SwarmIdentity Self = TestData.Identity(1);
    private static readonly SwarmIdentity[] Peers = [TestData.Identity(2), TestData.Identity(3), TestData.Identity(4)];

    [Fact]
    public void Merge_weights_by_visits()
    {
        var ledger = new SyncLedger(Self.PublicKey);
        ledger.Apply(TestData.Delta(Peers[0], 1, (Agent, TestData.Table((10, 1f, 9)))));
        ledger.Apply(TestData.Delta(Peers[1], 1, (Agent, TestData.Table((10, 0f, 1)))));

        var merged = ledger.MergedTable(Agent, new QTable());
        var (values, visits) = merged.Snapshot();
        Assert.Equal(0.9f, values[10]);
        Assert.Equal(10, visits[10]);
    }

    [Fact]
    public void Local_visits_weigh_like_any_origin_and_visits_add_up()
    {
        var ledger = new SyncLedger(Self.PublicKey);
        ledger.Apply(TestData.Delta(Peers[0], 1, (Agent, TestData.Table((10, 1f, 1), (11, -1f, 4)))));
        var local = TestData.Table((10, 0f, 3), (12, 0.5f, 2));

        var (values, visits) = ledger.MergedTable(Agent, local).Snapshot();
        Assert.Equal(0.25f, values[10]);
        Assert.Equal(4, visits[10]);
        Assert.Equal(-1f, values[11]);
        Assert.Equal(4, visits[11]);
        Assert.Equal(0.5f, values[12]); // only the local table visited it
        Assert.Equal(2, visits[12]);
        Assert.True(TestData.SameBits(TestData.Table((10, 0f, 3), (12, 0.5f, 2)), local)); // input untouched
    }

    [Fact]
    public void A_fresh_local_table_adopts_remote_values_and_unvisited_slots_keep_local_values()
    {
        var remote = TestData.Table(new Random(11));
        var ledger = new SyncLedger(Self.PublicKey);
        ledger.Apply(TestData.Delta(Peers[0], 1, (Agent, remote)));

        Assert.True(TestData.SameBits(remote, ledger.MergedTable(Agent, new QTable())));

        // A value the local agent holds without visits (say, a prior) survives where no one has visited.
        var (remoteValues, remoteVisits) = remote.Snapshot();
        var unvisited = Array.FindIndex(remoteVisits, n => n == 0);
        var prior = new float[QTable.Size];
        prior[unvisited] = 0.3f;
        var local = new QTable();
        local.Restore(prior, new int[QTable.Size]);
        var (values, _) = ledger.MergedTable(Agent, local).Snapshot();
        Assert.Equal(0.3f, values[unvisited]);
        Assert.Equal(remoteValues.Where((_, i) => remoteVisits[i] > 0), values.Where((_, i) => remoteVisits[i] > 0));
    }

    [Fact]
    public void An_agent_without_contributions_merges_to_a_copy_of_the_local_table()
    {
        var ledger = new SyncLedger(Self.PublicKey);
        ledger.Apply(TestData.Delta(Peers[0], 1, ("agent-other", TestData.Table((1, 1f, 1)))));
        var local = TestData.Table(new Random(3));
        var merged = ledger.MergedTable(Agent, local);
        Assert.NotSame(local, merged);
        Assert.True(TestData.SameBits(local, merged));
        Assert.Equal(["agent-other"], ledger.AgentIds);
    }

    [Fact]
    public void Applying_a_delta_twice_is_the_same_as_once()
    {
        var delta = TestData.Delta(Peers[0], 3, (Agent, TestData.Table(new Random(1))), ("agent-b", TestData.Table(new Random(2))));
        var local = TestData.Table(new Random(3));
        var ledger = new SyncLedger(Self.PublicKey);

        Assert.True(ledger.Apply(delta));
        var once = ledger.MergedTable(Agent, local);
        var bytesOnce = ledger.ToBytes();
        Assert.False(ledger.Apply(delta));
        Assert.False(ledger.Apply(DeltaCodec.Decode(DeltaCodec.Encode(delta, Peers[0])).Delta)); // an equal copy
        Assert.True(TestData.SameBits(once, ledger.MergedTable(Agent, local)));
        Assert.Equal(bytesOnce, ledger.ToBytes());
        Assert.Equal(2, ledger.ContributionCount);
    }

    [Fact]
    public void Deltas_from_three_origins_merge_identically_in_all_six_orders()
    {
        var rng = new Random(2024);
        var deltas = Peers.Select((p, i) => TestData.Delta(p, i + 1, (Agent, TestData.Table(rng, 0.5)), ("agent-b", TestData.Table(rng)))).ToArray();
        var local = TestData.Table(rng, 0.5);

        var results = TestData.Permutations(deltas).Select(order =>
        {
            var ledger = new SyncLedger(Self.PublicKey);
            foreach (var d in order) ledger.Apply(d);
            return (A: ledger.MergedTable(Agent, local), B: ledger.MergedTable("agent-b", local), Bytes: ledger.ToBytes());
        }).ToArray();

        Assert.Equal(6, results.Length);
        foreach (var r in results)
        {
            Assert.True(TestData.SameBits(results[0].A, r.A));
            Assert.True(TestData.SameBits(results[0].B, r.B));
            Assert.Equal(results[0].Bytes, r.Bytes);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Property_any_order_with_repeats_and_stale_deltas_gives_the_weighted_mean_of_the_newest(int seed)
    {
        var rng = new Random(seed);
        string[] agents = ["agent-a", "agent-b", "agent-c"];
        // Each origin publishes several sequences; a later one may leave an agent out (it keeps its earlier part).
        var deltas = new List<QTableDelta>();
        foreach (var peer in Peers)
            for (var sequence = 1; sequence <= 3; sequence++)
            {
                var parts = agents.Where(_ => rng.NextDouble() < 0.7).Select(a => (a, TestData.Table(rng, 0.3, 20))).ToArray();
                deltas.Add(TestData.Delta(peer, sequence, parts));
            }
        var local = agents.ToDictionary(a => a, _ => TestData.Table(rng, 0.3, 20));

        QTable[]? first = null;
        for (var trial = 0; trial < 20; trial++)
        {
            var order = deltas.Concat(deltas.Take(rng.Next(deltas.Count))).OrderBy(_ => rng.Next()).ToArray();
            var ledger = new SyncLedger(Self.PublicKey);
            foreach (var d in order) ledger.Apply(d);
            var merged = agents.Select(a => ledger.MergedTable(a, local[a])).ToArray();
            first ??= merged;
            for (var i = 0; i < agents.Length; i++) Assert.True(TestData.SameBits(first[i], merged[i]), $"seed {seed}, trial {trial}, {agents[i]}");
        }

        // Independently: per agent, each origin's newest part, averaged by visits with the local table.
        for (var i = 0; i < agents.Length; i++)
        {
            var parts = Peers
                .Select(p => deltas.Where(d => d.Origin == p.PublicKey).OrderByDescending(d => d.Sequence)
                    .Select(d => d.Agents.FirstOrDefault(x => x.AgentId == agents[i])).FirstOrDefault(x => x is not null))
                .Where(x => x is not null).SelectMany(x => x!.Slots).ToArray();
            var (localValues, localVisits) = local[agents[i]].Snapshot();
            var (values, visits) = first![i].Snapshot();
            for (var slot = 0; slot < QTable.Size; slot++)
            {
                var here = parts.Where(p => p.Slot == slot).ToArray();
                var n = localVisits[slot] + here.Sum(p => (long)p.Visits);
                Assert.Equal(n, visits[slot]);
                var expected = n == 0 ? localValues[slot] : (localValues[slot] * (double)localVisits[slot] + here.Sum(p => p.Value * (double)p.Visits)) / n;
                Assert.Equal(expected, values[slot], 1e-6);
            }
        }
    }

    [Fact]
    public void A_newer_delta_replaces_an_origins_contribution_and_an_older_one_is_ignored()
    {
        var ledger = new SyncLedger(Self.PublicKey);
        var newer = TestData.Delta(Peers[0], 2, (Agent, TestData.Table((5, 1f, 4))));
        var older = TestData.Delta(Peers[0], 1, (Agent, TestData.Table((5, -1f, 4))));

        Assert.True(ledger.Apply(newer));
        Assert.False(ledger.Apply(older));
        Assert.Equal(2, ledger.ContributionSequence(Peers[0].PublicKey, Agent));
        var (values, visits) = ledger.MergedTable(Agent, new QTable()).Snapshot();
        Assert.Equal(1f, values[5]);
        Assert.Equal(4, visits[5]); // replaced, not accumulated

        Assert.True(ledger.Apply(TestData.Delta(Peers[0], 3, (Agent, TestData.Table((5, 0.5f, 6))))));
        (values, visits) = ledger.MergedTable(Agent, new QTable()).Snapshot();
        Assert.Equal(0.5f, values[5]);
        Assert.Equal(6, visits[5]);
    }

    [Fact]
    public void Two_different_deltas_with_one_sequence_settle_on_the_same_one_in_either_order()
    {
        var a = TestData.Delta(Peers[0], 1, (Agent, TestData.Table((5, 1f, 4))));
        var b = TestData.Delta(Peers[0], 1, (Agent, TestData.Table((5, -1f, 4))));
        var ab = new SyncLedger(Self.PublicKey);
        ab.Apply(a);
        ab.Apply(b);
        var ba = new SyncLedger(Self.PublicKey);
        ba.Apply(b);
        ba.Apply(a);
        Assert.Equal(ab.ToBytes(), ba.ToBytes());
    }

    [Fact]
    public void Own_deltas_are_not_kept()
    {
        var ledger = new SyncLedger(Self.PublicKey);
        Assert.False(ledger.Apply(TestData.Delta(Self, 1, (Agent, TestData.Table((5, 1f, 4))))));
        Assert.Equal(0, ledger.ContributionCount);
        Assert.Empty(ledger.AgentIds);
    }

    [Fact]
    public void Persisted_ledger_round_trips()
    {
        var rng = new Random(8);
        var ledger = new SyncLedger(Self.PublicKey);
        foreach (var (peer, i) in Peers.Select((p, i) => (p, i)))
            ledger.Apply(TestData.Delta(peer, i + 5, (Agent, TestData.Table(rng)), ("agent-b", TestData.Table(rng))));
        var local = TestData.Table(rng);
        var bytes = ledger.ToBytes();

        var restored = SyncLedger.FromBytes(bytes, Self.PublicKey);
        Assert.Equal(bytes, restored.ToBytes());
        Assert.Equal(6, restored.ContributionCount);
        Assert.Equal(6, restored.ContributionSequence(Peers[1].PublicKey, "agent-b"));
        Assert.True(TestData.SameBits(ledger.MergedTable(Agent, local), restored.MergedTable(Agent, local)));
        Assert.Equal(0, SyncLedger.FromBytes(new SyncLedger(Self.PublicKey).ToBytes(), Self.PublicKey).ContributionCount);

        // Loaded under one of the peers' identities, that peer's own contributions are dropped.
        Assert.Equal(4, SyncLedger.FromBytes(bytes, Peers[0].PublicKey).ContributionCount);
    }

    [Fact]
    public void A_corrupt_or_foreign_ledger_is_rejected()
    {
        var ledger = new SyncLedger(Self.PublicKey);
        ledger.Apply(TestData.SmallDelta(Peers[0]));
        var bytes = ledger.ToBytes();

        for (var i = 5; i < bytes.Length; i++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[i] ^= 0x10;
            Assert.Equal(DeltaFormatError.ChecksumMismatch, Assert.Throws<DeltaFormatException>(() => SyncLedger.FromBytes(corrupt, Self.PublicKey)).Error);
        }
        Assert.Equal(DeltaFormatError.ChecksumMismatch, Assert.Throws<DeltaFormatException>(() => SyncLedger.FromBytes(bytes[..^1], Self.PublicKey)).Error);
        Assert.Equal(DeltaFormatError.Truncated, Assert.Throws<DeltaFormatException>(() => SyncLedger.FromBytes(bytes[..10], Self.PublicKey)).Error);
        Assert.Equal(DeltaFormatError.BadMagic, Assert.Throws<DeltaFormatException>(() => SyncLedger.FromBytes(DeltaCodec.Encode(TestData.SmallDelta(Peers[0]), Peers[0]), Self.PublicKey)).Error);
        var version = (byte[])bytes.Clone();
        version[4] = 9;
        Assert.Equal(DeltaFormatError.UnsupportedVersion, Assert.Throws<DeltaFormatException>(() => SyncLedger.FromBytes(version, Self.PublicKey)).Error);
    }
}
