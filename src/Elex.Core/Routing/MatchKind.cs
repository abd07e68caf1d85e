namespace Elex.Core.Routing;

/// <summary>Which exact fact of the catalog a question named.</summary>
public enum MatchKind
{
    /// <summary>The feature code (FAJ).</summary>
    Code,
    /// <summary>The licence key (CXC).</summary>
    Cxc,
    /// <summary>The full feature name.</summary>
    Name,
    /// <summary>The acronym.</summary>
    Acronym,
    /// <summary>A parameter name (or MO.parameter).</summary>
    Parameter,
    /// <summary>A PM counter name.</summary>
    Counter,
    /// <summary>A trace event name.</summary>
    Event,
    /// <summary>Close to a question an engineer confirmed belongs to this feature.</summary>
    Learned,
    /// <summary>Not named by the question: a follow-up, routed to the feature the conversation is about.</summary>
    Conversation,
}
