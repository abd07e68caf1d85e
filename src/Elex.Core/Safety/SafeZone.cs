using System.Globalization;

namespace Elex.Core.Safety;

/// <summary>
/// The values a parameter (<c>Mo.parameter</c>) may safely take: either an enumeration
/// (<see cref="Allowed"/>, compared case-insensitively) or a numeric range (<see cref="Min"/>,
/// <see cref="Max"/>, <see cref="Step"/>, <see cref="MaxChange"/>). A zone may also demand an
/// operator's approval for every change (<see cref="RequiresApproval"/>).
/// </summary>
/// <param name="Mo">Managed-object class, or <see cref="AnyMo"/> for a zone that applies to the parameter on any MO.</param>
/// <param name="Parameter">Parameter (attribute) name.</param>
public sealed record SafeZone(string Mo, string Parameter)
{
    /// <summary>The <see cref="Mo"/> of a zone that applies to the parameter on any managed object.</summary>
    public const string AnyMo = "*";

    /// <summary>Smallest safe value (inclusive), or null for no lower bound.</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest safe value (inclusive), or null for no upper bound.</summary>
    public decimal? Max { get; init; }

    /// <summary>Grid the value must lie on, counted from <see cref="Min"/> (or 0 without a minimum); null = any value.</summary>
    public decimal? Step { get; init; }

    /// <summary>The enumerated safe values (case-insensitive), or null for a numeric zone.</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>Unit of the numeric values (for reasons only), or null.</summary>
    public string? Unit { get; init; }

    /// <summary>Largest change in one step relative to the current value, or null for no limit.</summary>
    public decimal? MaxChange { get; init; }

    /// <summary>Every change needs an operator's approval, even inside the zone.</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>Why the zone is as it is; shown in approval reasons.</summary>
    public string? Note { get; init; }

    /// <summary>The qualified form <c>Mo.parameter</c>.</summary>
    public string QualifiedName => $"{Mo}.{Parameter}";

    /// <summary>True when the zone constrains numbers (any of min, max, step, max change).</summary>
    public bool IsNumeric => Min is not null || Max is not null || Step is not null || MaxChange is not null;

    /// <summary>True when the zone enumerates its values.</summary>
    public bool IsEnumerated => Allowed is not null;

    /// <summary>
    /// The zone's consistency problems, each as (field, message): empty when the zone is usable.
    /// The loader and <see cref="SafeZoneSet"/> both apply these rules.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Mo)) problems.Add(("mo", "must be a managed-object class or \"*\""));
        if (string.IsNullOrWhiteSpace(Parameter)) problems.Add(("parameter", "must be a parameter name"));
        if (Min is { } min && Max is { } max && min > max)
            problems.Add(("min", $"{Format(min)} is greater than max {Format(max)}"));
        if (Step is { } step && step <= 0)
            problems.Add(("step", $"{Format(step)} must be greater than 0"));
        if (MaxChange is { } change && change <= 0)
            problems.Add(("maxChange", $"{Format(change)} must be greater than 0"));
        if (Allowed is { } allowed)
        {
            if (allowed.Count == 0)
                problems.Add(("allowed", "is empty: list at least one value, or use null for a numeric zone"));
            for (var i = 0; i < allowed.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(allowed[i]))
                    problems.Add(($"allowed[{i}]", "must be a non-empty string"));
                else
                {
                    var first = FindFirst(allowed, allowed[i], i);
                    if (first >= 0) problems.Add(($"allowed[{i}]", $"'{allowed[i]}' repeats allowed[{first}] (values compare case-insensitively)"));
                }
            }
            var numeric = new[] { ("min", Min), ("max", Max), ("step", Step), ("maxChange", MaxChange) }
                .Where(f => f.Item2 is not null).Select(f => f.Item1).ToList();
            if (numeric.Count > 0)
                problems.Add(("allowed", $"is given together with {string.Join(", ", numeric)}: a zone is either enumerated or numeric"));
        }
        else if (!RequiresApproval && (Min is null || Max is null))
        {
            problems.Add((Min is null ? "min" : "max",
                "is missing: a zone that can mark changes safe must be bounded (allowed, or both min and max), otherwise set requiresApproval"));
        }
        return problems;
    }

    /// <summary>Formats a decimal the way zone reasons show it: invariant culture, no trailing zeros, no exponent.</summary>
    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Formats a decimal with the zone's unit, if any.</summary>
    internal string WithUnit(decimal value) => Unit is null ? Format(value) : $"{Format(value)} {Unit}";

    private static int FindFirst(IReadOnlyList<string> values, string value, int before)
    {
        for (var j = 0; j < before; j++)
            if (string.Equals(values[j], value, StringComparison.OrdinalIgnoreCase)) return j;
        return -1;
    }
}
