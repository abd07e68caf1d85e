namespace Elex.Reliability.Support;

/// <summary>
/// Tests that measure the whole process (managed memory) run in this collection: after the
/// parallel tests and alone, so other tests' allocations do not count against them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    /// <summary>The collection's name.</summary>
    public const string Name = "measured alone";
}
