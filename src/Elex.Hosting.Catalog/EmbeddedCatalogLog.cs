using Microsoft.Extensions.Logging;

namespace Elex.Hosting;

/// <summary>What the embedded catalog source logs (category <c>Elex.Hosting.EmbeddedCatalogSource</c>).</summary>
internal static partial class EmbeddedCatalogLog
{
    [LoggerMessage(21, LogLevel.Warning, "Sentence model: {Warning}")]
    public static partial void ModelWarning(ILogger logger, string warning);

    [LoggerMessage(22, LogLevel.Warning, "The sentence model could not load ({Problem}); routing on exact and lexical evidence only")]
    public static partial void ModelUnavailable(ILogger logger, string problem);
}
