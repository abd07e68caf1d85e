using BenchmarkDotNet.Attributes;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Streams;
using Elex.Sync;

namespace Elex.Benchmarks;

/// <summary>
/// One federated sync round for every agent of the catalog between two swarms that trust each
/// other: the sender builds the delta of its learned Q-tables and signs it; the receiver verifies
/// it (format, trust, Ed25519 signature, replay: every delta has a fresh sequence), applies it to
/// its ledger and merges the ledger into each of its own learned tables. The encoded size is
/// printed once in the setup.
/// </summary>
[MemoryDiagnoser]
public class SyncBenchmarks
{
    /// <summary>
    /// Deltas signed ahead for each iteration of <see cref="VerifyAndApply()"/>: replay protection
    /// needs a fresh sequence per delta, and enough calls per iteration let the JIT settle.
    /// </summary>
    public const int DeltasPerIteration = 32;

    private FeatureCatalog _catalog = null!;
    private (string AgentId, QTable Table)[] _senderTables = [];
    private (string AgentId, QTable Table)[] _receiverTables = [];
    private SwarmIdentity _sender = null!;
    private DeltaVerifier _verifier = null!;
    private SyncLedger _ledger = null!;
    private readonly byte[][] _pending = new byte[DeltasPerIteration][];
    private long _sequence;

    /// <summary>Learns both swarms' agents, makes the receiver trust the sender and applies a first delta, so the ledger holds every agent.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _catalog = BenchmarkData.Catalog();
        var options = new SwarmConfig().Learning!;
        _senderTables = LearnedAgents.Build(_catalog, options, seed: 11).Tables();
        _receiverTables = LearnedAgents.Build(_catalog, options, seed: 23).Tables();
        _sender = SwarmIdentity.Create();
        var receiver = SwarmIdentity.Create();
        var trust = new TrustList(receiver.PublicKey);
        trust.Add(_sender.PublicKey);
        _verifier = new DeltaVerifier(trust);
        _ledger = new SyncLedger(receiver.PublicKey);

        var bytes = BuildAndSign();
        var delta = DeltaCodec.Decode(bytes).Delta;
        VerifyAndApply(bytes);
        Console.WriteLine($"// Catalog: {_catalog.Count} features ({(BenchmarkData.FullCatalogPath is null ? "embedded sample" : "full catalog")}); "
            + $"delta: {delta.Agents.Count} agents, {delta.Agents.Sum(a => a.Slots.Count)} slots, {bytes.Length} bytes encoded and signed");
    }

    /// <summary>Signs the next <see cref="DeltasPerIteration"/> deltas (rising sequences) for <see cref="VerifyAndApply()"/>, outside its measurement.</summary>
    [IterationSetup(Target = nameof(VerifyAndApply))]
    public void SignNextDeltas()
    {
        for (var i = 0; i < _pending.Length; i++) _pending[i] = BuildAndSign();
    }

    /// <summary>The sender: the delta of every learned Q-table under a fresh sequence, encoded and signed.</summary>
    [Benchmark]
    public byte[] BuildAndSign()
    {
        var delta = QTableDelta.FromTables(_sender.PublicKey, ++_sequence, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), _senderTables);
        return DeltaCodec.Encode(delta, _sender);
    }

    /// <summary>The receiver: verifies each pending delta (format, trust, signature, replay) and applies it to the ledger; time per delta.</summary>
    [Benchmark(OperationsPerInvoke = DeltasPerIteration)]
    public bool VerifyAndApply()
    {
        var changed = true;
        foreach (var bytes in _pending) changed &= VerifyAndApply(bytes);
        return changed;
    }

    /// <summary>The receiver: merges the ledger into each of its own agents' tables; returns the merged tables' non-zero entries.</summary>
    [Benchmark]
    public int MergeAllTables()
    {
        var entries = 0;
        foreach (var (agentId, table) in _receiverTables) entries += _ledger.MergedTable(agentId, table).NonZeroEntries;
        return entries;
    }

    private bool VerifyAndApply(byte[] bytes)
    {
        var verdict = _verifier.Verify(bytes);
        if (!verdict.IsAccepted) throw new InvalidOperationException(verdict.ToString());
        return _ledger.Apply(verdict.Delta!);
    }
}
