using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>
/// Builds ENM cmedit commands for feature state and parameters, addressed to the node and MO
/// instance the question named; placeholders stand for what it did not name.
/// </summary>
internal static class Cmedit
{
    /// <summary>The placeholder for the target node.</summary>
    public const string NodePlaceholder = "<NODE>";

    /// <summary>The warning every answer with commands gives when the question named no node.</summary>
    public const string NoNodeWarning = $"No node named: replace {NodePlaceholder} with the node (ManagedElement id) before running the commands.";

    // The feature-state commands with the node placeholder, per feature: the same for every answer.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Feature, ProposedCommand[]> Placeholders = new();

    private static ProposedCommand[] PlaceholderCommands(Feature feature) => Placeholders.GetValue(feature, static f =>
        [BuildSetFeatureState(f, true, null), BuildSetFeatureState(f, false, null), BuildGetFeatureState(f, null)]);

    /// <summary>Sets the feature state of a licensed feature.</summary>
    public static ProposedCommand SetFeatureState(Feature feature, bool activate, string? node = null) =>
        node is null ? PlaceholderCommands(feature)[activate ? 0 : 1] : BuildSetFeatureState(feature, activate, node);

    /// <summary>Reads a feature's state, licence state and service state.</summary>
    public static ProposedCommand GetFeatureState(Feature feature, string? node = null) =>
        node is null ? PlaceholderCommands(feature)[2] : BuildGetFeatureState(feature, node);

    private static ProposedCommand BuildSetFeatureState(Feature feature, bool activate, string? node) =>
        new($"cmedit set {node ?? NodePlaceholder} FeatureState={feature.Cxc} featureState={(activate ? "ACTIVATED" : "DEACTIVATED")}",
            activate ? CommandKind.ActivateFeature : CommandKind.DeactivateFeature,
            $"{(activate ? "Activate" : "Deactivate")} {feature.Name} ({feature.Code})")
        {
            Mo = "FeatureState",
            Parameter = "featureState",
            Value = activate ? "ACTIVATED" : "DEACTIVATED",
            FeatureCode = feature.Code.Value,
        };

    private static ProposedCommand BuildGetFeatureState(Feature feature, string? node) =>
        new($"cmedit get {node ?? NodePlaceholder} FeatureState={feature.Cxc} featureState,licenseState,serviceState",
            CommandKind.Read, $"Read the state of {feature.Name}")
        { Mo = "FeatureState", FeatureCode = feature.Code.Value };

    /// <summary>Sets a parameter on the MO instance the target names.</summary>
    public static ProposedCommand SetParameter(Feature feature, FeatureParameter parameter, string value, CommandTarget? target = null)
    {
        target ??= CommandTarget.None;
        var (mo, _) = ManagedObjectRef.For(parameter.Mo, target);
        return new($"cmedit set {target.Node ?? NodePlaceholder} {mo} {parameter.Name}={value}",
            CommandKind.SetParameter, $"Set {parameter.QualifiedName} to {value}")
        {
            Mo = parameter.Mo,
            Parameter = parameter.Name,
            Value = value,
            FeatureCode = feature.Code.Value,
        };
    }

    /// <summary>Reads a parameter: on the named instance, or on every instance of its class when none is named (a read is harmless).</summary>
    public static ProposedCommand GetParameter(Feature feature, FeatureParameter parameter, CommandTarget? target = null)
    {
        target ??= CommandTarget.None;
        var (mo, placeholder) = ManagedObjectRef.For(parameter.Mo, target);
        var command = placeholder || !mo.Contains('=')
            ? $"cmedit get {target.Node ?? NodePlaceholder} {parameter.Mo}.{parameter.Name}"
            : $"cmedit get {target.Node ?? NodePlaceholder} {mo} {parameter.Name}";
        return new(command, CommandKind.Read, $"Read {parameter.QualifiedName}")
        { Mo = parameter.Mo, Parameter = parameter.Name, FeatureCode = feature.Code.Value };
    }
}
