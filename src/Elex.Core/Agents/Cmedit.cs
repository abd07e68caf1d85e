using Elex.Core.Catalog;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>Builds ENM cmedit commands for feature state and parameters. A placeholder stands for the node when none is named.</summary>
public static class Cmedit
{
    /// <summary>The placeholder for the target node or cell.</summary>
    public const string NodePlaceholder = "<NODE>";

    /// <summary>Sets the feature state of a licensed feature.</summary>
    public static ProposedCommand SetFeatureState(Feature feature, bool activate, string? node = null) =>
        new($"cmedit set {node ?? NodePlaceholder} FeatureState={feature.Cxc} featureState={(activate ? "ACTIVATED" : "DEACTIVATED")}",
            activate ? CommandKind.ActivateFeature : CommandKind.DeactivateFeature,
            $"{(activate ? "Activate" : "Deactivate")} {feature.Name} ({feature.Code})")
        {
            Mo = "FeatureState",
            Parameter = "featureState",
            Value = activate ? "ACTIVATED" : "DEACTIVATED",
            FeatureCode = feature.Code.Value,
        };

    /// <summary>Reads a feature's state, licence state and service state.</summary>
    public static ProposedCommand GetFeatureState(Feature feature, string? node = null) =>
        new($"cmedit get {node ?? NodePlaceholder} FeatureState={feature.Cxc} featureState,licenseState,serviceState",
            CommandKind.Read, $"Verify the state of {feature.Name}")
        { Mo = "FeatureState", FeatureCode = feature.Code.Value };

    /// <summary>Sets a parameter to a value.</summary>
    public static ProposedCommand SetParameter(Feature feature, FeatureParameter parameter, string value, string? node = null) =>
        new($"cmedit set {node ?? NodePlaceholder} {parameter.Mo} {parameter.Name}={value}",
            CommandKind.SetParameter, $"Set {parameter.QualifiedName} to {value}")
        {
            Mo = parameter.Mo,
            Parameter = parameter.Name,
            Value = value,
            FeatureCode = feature.Code.Value,
        };

    /// <summary>Reads a parameter.</summary>
    public static ProposedCommand GetParameter(Feature feature, FeatureParameter parameter, string? node = null) =>
        new($"cmedit get {node ?? NodePlaceholder} {parameter.Mo}.{parameter.Name}",
            CommandKind.Read, $"Read {parameter.QualifiedName}")
        { Mo = parameter.Mo, Parameter = parameter.Name, FeatureCode = feature.Code.Value };
}
