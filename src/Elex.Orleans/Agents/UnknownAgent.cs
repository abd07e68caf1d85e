namespace Elex.Orleans.Agents;

/// <summary>The error a grain whose key names no feature of the catalog answers every call with.</summary>
internal static class UnknownAgent
{
    public static ArgumentException Error(string key) =>
        new($"No feature agent '{key}': the catalog has no feature with that agent id or code; nothing was answered or learned.");
}
