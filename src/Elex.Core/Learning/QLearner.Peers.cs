namespace Elex.Core.Learning;

// Federated learning: acting on what other swarms learned while learning only into the own table.
public sealed partial class QLearner
{
    /// <summary>True once peers' learning has been adopted (<see cref="AdoptPeers"/>).</summary>
    public bool HasPeers
    {
        get { lock (_gate) return _peers is not null; }
    }

    /// <summary>
    /// Adopts what other swarms learned for this agent: <paramref name="peers"/> holds their
    /// visit-weighted mean Q-values and total visits (null forgets them). From then on the policy acts on
    /// the visit-weighted blend of this learner's own table and the peers', re-blended after every
    /// update; learning itself keeps updating only the own table, which is what gets persisted and
    /// shared (Q-learning is off-policy, so acting on the blend does not bias the own estimates).
    /// </summary>
    public void AdoptPeers(QTable? peers)
    {
        lock (_gate)
        {
            if (peers is null)
            {
                _peers = _blended = null;
                return;
            }
            _peers ??= new QTable();
            var (values, visits) = peers.Snapshot();
            _peers.Restore(values, visits);
            _blended ??= new QTable();
            _blended.BlendFrom(_table, _peers);
        }
    }

    /// <summary>A copy of this learner's own Q-table (without peers' learning), as shared with other swarms.</summary>
    public QTable OwnTable()
    {
        lock (_gate)
        {
            var copy = new QTable();
            var (values, visits) = _table.Snapshot();
            copy.Restore(values, visits);
            return copy;
        }
    }
}
