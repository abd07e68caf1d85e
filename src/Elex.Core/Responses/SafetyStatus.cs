namespace Elex.Core.Responses;

/// <summary>The safety verdict on a proposed command.</summary>
public enum SafetyStatus
{
    /// <summary>Proposed by an agent; not yet checked against safe zones. Never runnable as is.</summary>
    PendingValidation,
    /// <summary>Within its safe zone.</summary>
    Safe,
    /// <summary>Allowed only with an operator's approval.</summary>
    NeedsApproval,
    /// <summary>Outside its safe zone; must not be run.</summary>
    Rejected,
}
