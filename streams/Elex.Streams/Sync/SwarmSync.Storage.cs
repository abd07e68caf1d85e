using System.Reactive.Concurrency;
using Elex.Core.Agents;
using Elex.Storage;
using Elex.Sync;

namespace Elex.Streams.Sync;

// What survives a restart, kept in the store's settings: the identity, the own sequence, the accepted
// sequences and the merge ledger.
internal sealed partial class SwarmSync
{
    private const string IdentityKey = "sync/identity";
    private const string SequenceKey = "sync/sequence";
    private const string SequencesKey = "sync/accepted";
    private const string LedgerKey = "sync/ledger";

    /// <summary>Loads (or creates and stores) the identity and the sync state, and adopts what peers taught earlier.</summary>
    public static async Task<(SwarmSync Sync, IReadOnlyList<string> Problems)> LoadAsync(IAgentStore? store, AgentRegistry registry, IScheduler clock, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        SwarmIdentity? identity = null;
        if (store is not null && await store.GetSettingAsync(IdentityKey, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            try
            {
                identity = SwarmIdentity.Import(stored);
            }
            catch (FormatException e)
            {
                // A broken identity cannot be repaired; a new one is created, and peers must trust it anew.
                problems.Add($"setting {IdentityKey} is corrupt ({e.Message}); a new sync identity was created");
                await store.SetSettingAsync($"quarantine/{IdentityKey}", stored, cancellationToken).ConfigureAwait(false);
            }
        }
        if (identity is null)
        {
            identity = SwarmIdentity.Create();
            if (store is not null) await store.SetSettingAsync(IdentityKey, identity.Export(), cancellationToken).ConfigureAwait(false);
        }

        var ledger = new SyncLedger(identity.PublicKey);
        long sequence = 0;
        string? accepted = null;
        if (store is not null)
        {
            if (await store.GetSettingAsync(LedgerKey, cancellationToken).ConfigureAwait(false) is { } text)
            {
                try
                {
                    ledger = SyncLedger.FromBytes(Convert.FromBase64String(text), identity.PublicKey);
                }
                catch (FormatException e)
                {
                    problems.Add($"setting {LedgerKey} is corrupt ({e.Message}); peers' learning starts afresh");
                }
            }
            if (await store.GetSettingAsync(SequenceKey, cancellationToken).ConfigureAwait(false) is { } seq && long.TryParse(seq, out var parsed)) sequence = parsed;
            accepted = await store.GetSettingAsync(SequencesKey, cancellationToken).ConfigureAwait(false);
        }

        var sync = new SwarmSync(identity, store, registry, clock, ledger, sequence);
        if (accepted is not null)
        {
            try
            {
                sync._verifier.ImportSequences(accepted);
            }
            catch (FormatException e)
            {
                problems.Add($"setting {SequencesKey} is corrupt ({e.Message})");
            }
        }
        sync.AdoptAll(ledger.AgentIds);
        return (sync, problems);
    }

    /// <summary>Writes the accepted sequences and the ledger to the store.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_store is null) return;
        string sequences;
        byte[] ledger;
        lock (_gate)
        {
            sequences = _verifier.ExportSequences();
            ledger = _ledger.ToBytes();
        }
        await _store.SetSettingAsync(SequencesKey, sequences, cancellationToken).ConfigureAwait(false);
        await _store.SetSettingAsync(LedgerKey, Convert.ToBase64String(ledger), cancellationToken).ConfigureAwait(false);
    }
}
