using System.Runtime.CompilerServices;
using Elex.Core.Catalog;

namespace Elex.Core.Agents;

/// <summary>Each feature's display name, built once: answers name the same features again and again.</summary>
internal static class DisplayNames
{
    private static readonly ConditionalWeakTable<Feature, string> Cache = new();

    public static string Of(Feature f) => Cache.GetValue(f, static x => x.DisplayName);

    public static string Of(ConflictEdge e) => e.Feature is { } f ? Of(f) : e.Code.Value;
}
