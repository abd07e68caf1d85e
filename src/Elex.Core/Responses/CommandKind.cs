namespace Elex.Core.Responses;

/// <summary>What a proposed cmedit command does.</summary>
public enum CommandKind
{
    /// <summary>Reads state; changes nothing.</summary>
    Read,
    /// <summary>Sets a feature's state to ACTIVATED.</summary>
    ActivateFeature,
    /// <summary>Sets a feature's state to DEACTIVATED.</summary>
    DeactivateFeature,
    /// <summary>Sets a parameter value.</summary>
    SetParameter,
}
