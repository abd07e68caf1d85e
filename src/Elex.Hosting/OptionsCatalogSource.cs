using Elex.Core.Catalog;
using Microsoft.Extensions.Options;

namespace Elex.Hosting;

/// <summary>The default catalog source: the options' loaded catalog, else their catalog file, else the sample catalog.</summary>
internal sealed class OptionsCatalogSource(IOptions<ElexSwarmOptions> options) : ISwarmCatalogSource
{
    public ValueTask<SwarmCatalog> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (catalog, source) = settings switch
        {
            { Catalog: { } loaded } => (loaded, "(catalog given in code)"),
            { CatalogPath: { Length: > 0 } path } when !string.IsNullOrWhiteSpace(path) => (CatalogLoader.LoadFile(path), path),
            _ => (SampleCatalog.Load(), SampleCatalog.SourceName),
        };
        return ValueTask.FromResult(new SwarmCatalog(catalog, source, settings.RouterFactory?.Invoke(catalog)));
    }
}
