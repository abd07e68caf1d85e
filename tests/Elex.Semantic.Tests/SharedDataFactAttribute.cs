namespace Elex.Semantic.Tests;

/// <summary>A fact that needs the full catalog beside the clone; reported as skipped (not passed) without it.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    private const string Reason = "needs ../shared/catalog (the full catalog and dev questions are not part of the repository)";

    public SharedDataFactAttribute()
    {
        if (SharedData.CatalogPath is null) Skip = Reason;
    }
}
