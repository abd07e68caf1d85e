namespace Elex.Semantic;

/// <summary>How token vectors become one sentence vector.</summary>
public enum Pooling
{
    /// <summary>The first ([CLS]) token's vector: what snowflake-arctic-embed was trained with.</summary>
    Cls,
    /// <summary>The mean over the attention mask: what all-MiniLM-style models use.</summary>
    Mean,
}
