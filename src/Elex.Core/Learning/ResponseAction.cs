namespace Elex.Core.Learning;

/// <summary>
/// How a feature agent responds to a question; what the Q-policy chooses. Values are dense from 0
/// (they index the Q-table) and must stay stable, since persisted Q-tables depend on them.
/// </summary>
public enum ResponseAction
{
    /// <summary>A short, direct answer.</summary>
    DirectAnswer = 0,
    /// <summary>A detailed answer with context and evidence.</summary>
    DetailedAnswer = 1,
    /// <summary>Consult a peer agent (a prerequisite or related feature) before answering.</summary>
    ConsultPeer = 2,
    /// <summary>Ask the user to clarify the question.</summary>
    RequestClarification = 3,
    /// <summary>Hand the question to a human expert.</summary>
    Escalate = 4,
}
