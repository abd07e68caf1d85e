using Elex.Core.Catalog;

namespace Elex.Core.Agents;

/// <summary>Agent ids are derived from feature codes: <c>agent-FAJ_121_3094</c>.</summary>
public static class AgentId
{
    private const string Prefix = "agent-";

    /// <summary>The agent id of a feature.</summary>
    public static string For(FeatureCode code) => Prefix + code.Value.Replace(' ', '_');

    /// <summary>The feature code of an agent id (or of a plain feature code).</summary>
    public static bool TryParse(string? agentIdOrCode, out FeatureCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(agentIdOrCode)) return false;
        var text = agentIdOrCode.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? agentIdOrCode[Prefix.Length..] : agentIdOrCode;
        return FeatureCode.TryParse(text.Replace('_', ' '), out code);
    }
}
