namespace Elex.Core.Routing;

/// <summary>Which vector index the router searches.</summary>
internal enum VectorSearchMode
{
    /// <summary>Exact column-major search up to <see cref="RouterOptions.ExactSearchLimit"/> features, HNSW beyond.</summary>
    Auto,
    /// <summary>Always exact (recall 1).</summary>
    Exact,
    /// <summary>Always HNSW.</summary>
    Hnsw,
}
