using System.Globalization;
using Elex.Core.Responses;

namespace Elex.Core.Safety;

/// <summary>
/// Gives proposed commands their safety verdicts from a <see cref="SafeZoneSet"/>. It fails closed:
/// a change is Safe only inside a zone that bounds it; without a zone it needs an operator's approval,
/// and outside its zone it is Rejected.
/// </summary>
/// <remarks>
/// Rules, in order: a Read is Safe. A change (SetParameter, or ActivateFeature / DeactivateFeature,
/// which set <c>FeatureState.featureState</c> to ACTIVATED / DEACTIVATED) without a zone, or without
/// a value, needs approval. A value outside the zone (not an allowed value; not a number; below min;
/// above max; off the step grid; a change larger than maxChange from the current value) is Rejected.
/// A maxChange zone without the current value, or a zone that requires approval, needs approval.
/// Otherwise the change is Safe.
/// </remarks>
public class SafetyValidator
{
    /// <summary>The managed-object class of a feature's state.</summary>
    public const string FeatureStateMo = "FeatureState";

    /// <summary>The parameter that activates or deactivates a feature.</summary>
    public const string FeatureStateParameter = "featureState";

    private const NumberStyles Numbers = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Creates a validator over <paramref name="zones"/>.</summary>
    public SafetyValidator(SafeZoneSet zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        Zones = zones;
    }

    /// <summary>The zones commands are checked against.</summary>
    public SafeZoneSet Zones { get; }

    /// <summary>The verdict on <paramref name="command"/>.</summary>
    /// <param name="command">The proposed command.</param>
    /// <param name="currentValue">The parameter's current value on the node, if known (needed for maxChange).</param>
    public virtual SafetyVerdict Check(ProposedCommand command, string? currentValue = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Kind)
        {
            case CommandKind.Read:
                return SafetyVerdict.Safe("read-only");
            case CommandKind.ActivateFeature:
            case CommandKind.DeactivateFeature:
                return CheckFeatureState(command, currentValue);
            case CommandKind.SetParameter:
                if (string.IsNullOrWhiteSpace(command.Parameter))
                    return SafetyVerdict.Rejected("The command sets no named parameter, so it cannot be checked against a safe zone.");
                return CheckChange(command.Mo, command.Parameter, command.Value, currentValue);
            default:
                return SafetyVerdict.Rejected($"Command kind {command.Kind} is unknown to the safety stage, so it must not be run.");
        }
    }

    /// <summary>The command with its verdict (<see cref="ProposedCommand.Safety"/> and <see cref="ProposedCommand.SafetyReason"/>).</summary>
    public ProposedCommand Apply(ProposedCommand command, string? currentValue = null)
    {
        var verdict = Check(command, currentValue);
        return command with { Safety = verdict.Status, SafetyReason = verdict.Reason };
    }

    /// <summary>Every command with its verdict, in order (current values unknown).</summary>
    public IReadOnlyList<ProposedCommand> Apply(IReadOnlyList<ProposedCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var result = new ProposedCommand[commands.Count];
        for (var i = 0; i < result.Length; i++) result[i] = Apply(commands[i]);
        return result;
    }

    private SafetyVerdict CheckFeatureState(ProposedCommand command, string? currentValue)
    {
        var activate = command.Kind == CommandKind.ActivateFeature;
        var expected = activate ? "ACTIVATED" : "DEACTIVATED";
        var mo = string.IsNullOrWhiteSpace(command.Mo) ? FeatureStateMo : command.Mo.Trim();
        var parameter = string.IsNullOrWhiteSpace(command.Parameter) ? FeatureStateParameter : command.Parameter.Trim();
        if (!string.Equals(mo, FeatureStateMo, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(parameter, FeatureStateParameter, StringComparison.OrdinalIgnoreCase))
            return SafetyVerdict.Rejected(
                $"A feature {(activate ? "activation" : "deactivation")} must set {FeatureStateMo}.{FeatureStateParameter}, but this command sets {mo}.{parameter}.");
        var value = command.Value ?? expected;
        if (!string.Equals(value, expected, StringComparison.OrdinalIgnoreCase))
            return SafetyVerdict.Rejected(
                $"A feature {(activate ? "activation" : "deactivation")} must set {FeatureStateMo}.{FeatureStateParameter} to {expected}, but this command sets it to {value}.");
        return CheckChange(mo, parameter, value, currentValue);
    }

    private SafetyVerdict CheckChange(string? mo, string parameter, string? value, string? currentValue)
    {
        var name = $"{(string.IsNullOrWhiteSpace(mo) ? SafeZone.AnyMo : mo.Trim())}.{parameter.Trim()}";
        if (Zones.Find(mo, parameter) is not { } zone)
            return SafetyVerdict.NeedsApproval($"There is no safe zone for {name}; an operator must approve the change.");
        if (value is null)
            return SafetyVerdict.NeedsApproval($"The command leaves the value to be chosen by the engineer, so it cannot be checked against the {name} zone; an operator must approve it.");

        var pending = new List<string>();
        if (zone.Allowed is { } allowed)
        {
            if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
                return SafetyVerdict.Rejected($"{Quote(value)} is not one of {string.Join(", ", allowed)} allowed for {name}.");
        }
        else if (zone.IsNumeric)
        {
            try
            {
                if (CheckNumber(zone, name, value, currentValue, pending) is { } rejected) return rejected;
            }
            catch (OverflowException)
            {
                return SafetyVerdict.Rejected($"{Quote(value)} is too large to be checked against {name} zone {Describe(zone)}.");
            }
        }

        if (zone.RequiresApproval)
            pending.Add($"{name} requires an operator's approval{(string.IsNullOrWhiteSpace(zone.Note) ? "" : $": {zone.Note.Trim().TrimEnd('.')}")}");
        if (pending.Count > 0)
            return SafetyVerdict.NeedsApproval(Sentence(string.Join("; ", pending)));
        return SafetyVerdict.Safe($"{Quote(value)} is within {name} zone {Describe(zone)}.");
    }

    /// <summary>The Rejected verdict for a value outside a numeric zone, or null; approval reasons go to <paramref name="pending"/>.</summary>
    private static SafetyVerdict? CheckNumber(SafeZone zone, string name, string value, string? currentValue, List<string> pending)
    {
        if (!decimal.TryParse(value, Numbers, CultureInfo.InvariantCulture, out var number))
            return SafetyVerdict.Rejected($"{Quote(value)} is not a number, but {name} takes numbers{Bounds(zone)}.");
        if (zone.Min is { } min && number < min)
            return SafetyVerdict.Rejected($"{Show(zone, number)} is below the minimum {zone.WithUnit(min)} of {name}.");
        if (zone.Max is { } max && number > max)
            return SafetyVerdict.Rejected($"{Show(zone, number)} is above the maximum {zone.WithUnit(max)} of {name}.");
        if (zone.Step is { } step && (number - (zone.Min ?? 0m)) % step != 0m)
            return SafetyVerdict.Rejected(
                $"{Show(zone, number)} is not on the step {zone.WithUnit(step)} grid of {name} (counted from {zone.WithUnit(zone.Min ?? 0m)}).");
        if (zone.MaxChange is { } maxChange)
        {
            if (currentValue is null)
                pending.Add($"the change size cannot be checked without the current value (at most {zone.WithUnit(maxChange)} per step)");
            else if (!decimal.TryParse(currentValue, Numbers, CultureInfo.InvariantCulture, out var current))
                pending.Add($"the change size cannot be checked because the current value {Quote(currentValue)} is not a number");
            else if (Math.Abs(number - current) > maxChange)
                return SafetyVerdict.Rejected(
                    $"Changing {name} from {Show(zone, current)} to {Show(zone, number)} is a change of {zone.WithUnit(Math.Abs(number - current))}, more than the maximum change {zone.WithUnit(maxChange)} per step.");
        }
        return null;
    }

    private static string Describe(SafeZone zone)
    {
        if (zone.Allowed is { } allowed) return $"{{{string.Join(", ", allowed)}}}";
        var text = $"[{Bound(zone.Min, "-∞")}, {Bound(zone.Max, "∞")}]{(zone.Unit is null ? "" : " " + zone.Unit)}";
        if (zone.Step is { } step) text += $" step {SafeZone.Format(step)}";
        if (zone.MaxChange is { } change) text += $", at most {zone.WithUnit(change)} per change";
        return text;

        static string Bound(decimal? value, string none) => value is { } v ? SafeZone.Format(v) : none;
    }

    private static string Bounds(SafeZone zone) =>
        zone.Min is null && zone.Max is null ? "" : $" in {Describe(zone)}";

    private static string Show(SafeZone zone, decimal value) => zone.WithUnit(value);

    private static string Quote(string value) => value.Length == 0 ? "''" : value;

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..] + ".";
}
