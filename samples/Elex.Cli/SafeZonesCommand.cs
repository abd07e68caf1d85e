using System.CommandLine;
using Elex.Core.Safety;

namespace Elex.Cli;

/// <summary><c>elex safe-zones</c>: validates the zones in effect (defaults plus --safe-zones) and lists them.</summary>
internal static class SafeZonesCommand
{
    public static Command Create(Option<string?> safeZonesOption, TextWriter output)
    {
        var command = new Command("safe-zones", "Check the safe zones in effect (built-in defaults plus --safe-zones PATH) and list them.");
        command.SetAction(parse =>
        {
            var zones = SafeZoneSource.Load(parse.GetValue(safeZonesOption));
            output.WriteLine($"{zones.Count} safe zone(s) from {zones.Source}");
            foreach (var zone in zones.Zones) output.WriteLine($"  {zone.QualifiedName,-48} {Describe(zone)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(SafeZone zone)
    {
        var parts = new List<string>();
        if (zone.Allowed is { } allowed) parts.Add($"one of {string.Join(", ", allowed)}");
        if (zone.Min is not null || zone.Max is not null)
            parts.Add($"[{(zone.Min is { } min ? SafeZone.Format(min) : "-∞")}, {(zone.Max is { } max ? SafeZone.Format(max) : "∞")}]{(zone.Unit is null ? "" : " " + zone.Unit)}");
        if (zone.Step is { } step) parts.Add($"step {SafeZone.Format(step)}");
        if (zone.MaxChange is { } change) parts.Add($"at most {SafeZone.Format(change)} per change");
        if (zone.RequiresApproval) parts.Add("approval required");
        return string.Join("; ", parts);
    }
}
