using Elex.Core.Safety;

namespace Elex.Cli;

/// <summary>Loads the safe zones: the built-in defaults, overridden and extended by the file named by --safe-zones.</summary>
internal static class SafeZoneSource
{
    public static SafeZoneSet Load(string? path) =>
        string.IsNullOrWhiteSpace(path) ? DefaultSafeZones.Load() : DefaultSafeZones.LoadWith(path);
}
