namespace Elex.Orleans.Hosting;

/// <summary>The grain storage agent grains keep their state in.</summary>
public static class ElexAgentStorage
{
    /// <summary>The storage provider's name.</summary>
    public const string Name = "elex-agents";
}
