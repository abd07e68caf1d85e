using Microsoft.Extensions.Options;

namespace Elex.Hosting;

/// <summary>
/// Checks the options when the host starts (<c>ValidateOnStart</c>): the swarm's settings by
/// <see cref="Streams.SwarmConfig.Validate"/> itself — no rule is repeated here — and what only the host
/// uses (catalog file, store path). Each failure names the option as configuration spells its key
/// (<c>Elex:MaxAgents: 0 must be between 1 and 100000.</c>).
/// </summary>
internal sealed class ElexSwarmOptionsValidator(string sectionPath) : IValidateOptions<ElexSwarmOptions>
{
    public ValidateOptionsResult Validate(string? name, ElexSwarmOptions options)
    {
        var failures = new List<string>();
        if (options.Catalog is not null && !string.IsNullOrWhiteSpace(options.CatalogPath))
            failures.Add($"{sectionPath}:{nameof(options.CatalogPath)}: set a catalog file or a loaded Catalog, not both.");
        else if (!string.IsNullOrWhiteSpace(options.CatalogPath) && !File.Exists(options.CatalogPath))
            failures.Add($"{sectionPath}:{nameof(options.CatalogPath)}: no catalog file at '{options.CatalogPath}'.");
        if (options.OpenStore is not null && !string.IsNullOrWhiteSpace(options.StorePath))
            failures.Add($"{sectionPath}:{nameof(options.StorePath)}: set a store file or OpenStore, not both.");
        else if (!string.IsNullOrWhiteSpace(options.StorePath) && Directory.Exists(options.StorePath))
            failures.Add($"{sectionPath}:{nameof(options.StorePath)}: '{options.StorePath}' is a folder; give the SQLite file's path.");
        try
        {
            options.ToSwarmConfig().Validate();
        }
        catch (ArgumentException e)
        {
            failures.Add(OptionErrors.Describe(sectionPath, e));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
