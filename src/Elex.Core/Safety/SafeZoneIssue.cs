namespace Elex.Core.Safety;

/// <summary>
/// One error in a safe-zone file, naming where it is: the zone's index and <c>Mo.parameter</c>
/// (when known) and the field, e.g. <c>zones[2] (MimoSleepFunction.sleepMode).min: 5 is greater than max 3</c>.
/// </summary>
/// <param name="ZoneIndex">Index in <c>zones</c>, or null for a finding about the document itself.</param>
/// <param name="Key">The zone's <c>Mo.parameter</c> as far as it could be read, or null.</param>
/// <param name="Field">The field (<c>min</c>, <c>allowed[1]</c>, <c>schema</c>, ...).</param>
/// <param name="Message">What was found and what is expected.</param>
public sealed record SafeZoneIssue(int? ZoneIndex, string? Key, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = ZoneIndex is { } i
            ? Key is { } k ? $"zones[{i}] ({k})" : $"zones[{i}]"
            : "document";
        return $"{where}.{Field}: {Message}";
    }
}
