using System.CommandLine;
using Elex.Core.Catalog;

namespace Elex.Cli;

/// <summary><c>elex catalog</c>: load and validate a catalog, print its summary and warnings.</summary>
internal static class CatalogCommand
{
    public static Command Create(Option<string?> catalogOption, TextWriter output)
    {
        var warnings = new Option<bool>("--warnings") { Description = "List every warning: edges to features outside the catalog, junk values left out (placeholder names, KPI entries that name no KPI), whitespace repaired." };
        var command = new Command("catalog", "Validate a catalog and summarise it.") { warnings };
        command.SetAction(parse =>
        {
            var catalog = CatalogSource.Load(parse.GetValue(catalogOption));
            var parameters = catalog.Features.Sum(f => f.Parameters.Count);
            var counters = catalog.Features.Sum(f => f.Counters.Count);
            output.WriteLine($"{catalog.Source}: {catalog.Count} features, {parameters} parameter links, {counters} counter links, {catalog.Warnings.Count} warning(s).");
            foreach (var domain in catalog.Features.GroupBy(f => f.Domain).OrderByDescending(g => g.Count()))
                output.WriteLine($"  {domain.Key,-28} {domain.Count(),4}");
            if (parse.GetValue(warnings))
                foreach (var w in catalog.Warnings) output.WriteLine(w);
            return ExitCodes.Ok;
        });
        return command;
    }
}
