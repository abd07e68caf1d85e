namespace Elex.Core.Queries;

/// <summary>What a question asks about. Values match the seed SDK's enum.</summary>
public enum QueryType
{
    /// <summary>Configuration parameters.</summary>
    Parameter = 0,
    /// <summary>PM counters.</summary>
    Counter = 1,
    /// <summary>Key performance indicators.</summary>
    Kpi = 2,
    /// <summary>Activation / deactivation procedure.</summary>
    Procedure = 3,
    /// <summary>Something is not working.</summary>
    Troubleshoot = 4,
    /// <summary>Overview.</summary>
    General = 5,
}
