namespace Elex.Streams.Persistence;

/// <summary>
/// The one line that reports stored agents whose features the loaded catalog lacks (a smaller
/// catalog over a store built with a larger one): a line per agent would bury every other message,
/// and their state stays in the store for the catalog that has them.
/// </summary>
internal static class StoredAgentsOutsideCatalog
{
    private const int CodesShown = 5;

    public static string Describe(IReadOnlyCollection<string> featureCodes)
    {
        var codes = featureCodes.Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", codes.Take(CodesShown)) + (codes.Count > CodesShown ? $", … {codes.Count - CodesShown} more" : "");
        return codes.Count == 1
            ? $"1 stored agent is not in the loaded catalog ({shown}); its state is kept in the store"
            : $"{codes.Count} stored agents are not in the loaded catalog ({shown}); their state is kept in the store";
    }
}
