using System.Text;
using System.Text.Json;
using Elex.Core.Text;

namespace Elex.Core.Safety;

/// <summary>
/// The <c>elex-safe-zones/1</c> JSON format: reads a document into zones, collecting every error
/// (each naming <c>zones[i] (Mo.parameter).field</c> and what was found), and writes zones back.
/// </summary>
/// <example>
/// <code>
/// {"schema":"elex-safe-zones/1","zones":[
///   {"mo":"MimoSleepFunction","parameter":"sleepMode","min":0,"max":3,"step":1,"unit":null,
///    "maxChange":1,"requiresApproval":false,"allowed":null,"note":"..."}]}
/// </code>
/// </example>
internal static class SafeZoneFile
{
    /// <summary>The schema identifier of the format.</summary>
    public const string Schema = "elex-safe-zones/1";

    private static readonly string[] RootFields = ["schema", "description", "zones"];

    private static readonly string[] ZoneFields =
        ["mo", "parameter", "min", "max", "step", "unit", "maxChange", "requiresApproval", "allowed", "note"];

    /// <summary>Writes zones as an indented <c>elex-safe-zones/1</c> document (every field, nulls included).</summary>
    public static string ToJson(IEnumerable<SafeZone> zones, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(zones);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            if (description is not null) w.WriteString("description", description);
            w.WriteStartArray("zones");
            foreach (var zone in zones)
            {
                w.WriteStartObject();
                w.WriteString("mo", zone.Mo);
                w.WriteString("parameter", zone.Parameter);
                Number(w, "min", zone.Min);
                Number(w, "max", zone.Max);
                Number(w, "step", zone.Step);
                w.WriteString("unit", zone.Unit);
                Number(w, "maxChange", zone.MaxChange);
                w.WriteBoolean("requiresApproval", zone.RequiresApproval);
                if (zone.Allowed is null) w.WriteNull("allowed");
                else
                {
                    w.WriteStartArray("allowed");
                    foreach (var value in zone.Allowed) w.WriteStringValue(value);
                    w.WriteEndArray();
                }
                w.WriteString("note", zone.Note);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());

        static void Number(Utf8JsonWriter w, string name, decimal? value)
        {
            if (value is { } v) w.WriteNumber(name, v);
            else w.WriteNull(name);
        }
    }

    /// <summary>Reads the zones of a parsed document; every error goes to <paramref name="issues"/>.</summary>
    internal static List<SafeZone> Read(JsonElement root, List<SafeZoneIssue> issues)
    {
        var zones = new List<SafeZone>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new(null, null, "(root)", $"must be a JSON object, found {Describe(root)}"));
            return zones;
        }
        foreach (var property in root.EnumerateObject())
            if (JsonStrings.NameOf(property) is not { } name || !RootFields.Contains(name, StringComparer.Ordinal))
                issues.Add(new(null, null, FieldName(property), $"is not a field of a safe-zone document (expected {string.Join(", ", RootFields)})"));

        if (!root.TryGetProperty("schema", out var schema) || JsonStrings.Read(schema) is not { } schemaText)
            issues.Add(new(null, null, "schema", $"is required and must be \"{Schema}\"{(schema.ValueKind == JsonValueKind.Undefined ? "" : $", found {Describe(schema)}")}"));
        else if (schemaText != Schema)
            issues.Add(new(null, null, "schema", $"is \"{schemaText}\"; this loader reads \"{Schema}\""));

        if (root.TryGetProperty("description", out var description) && description.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            issues.Add(new(null, null, "description", $"must be a string or null, found {Describe(description)}"));

        if (!root.TryGetProperty("zones", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            issues.Add(new(null, null, "zones", $"is required and must be an array of zone objects{(array.ValueKind == JsonValueKind.Undefined ? "" : $", found {Describe(array)}")}"));
            return zones;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var zone = new ZoneReader(index, issues).Read(element);
            if (zone is not null)
            {
                var key = SafeZoneSet.KeyOf(zone.Mo, zone.Parameter);
                if (seen.TryGetValue(key, out var first))
                    issues.Add(new(index, zone.QualifiedName, "parameter",
                        $"duplicates zones[{first}]: each Mo.parameter may have one zone (compared case-insensitively)"));
                else
                {
                    seen.Add(key, index);
                    zones.Add(zone);
                }
            }
            index++;
        }
        return zones;
    }

    private static string Describe(JsonElement e) => JsonStrings.Describe(e);

    private static string Truncate(string s, int length = 40) => JsonStrings.Truncate(s, length);

    /// <summary>A property's name for an issue (<c>""</c> for an empty name).</summary>
    private static string FieldName(JsonProperty property) => JsonStrings.NameOf(property) switch
    {
        null => "(a field name that is not valid text)",
        "" => "\"\"",
        var name => name,
    };

    /// <summary>Reads one zone object, reporting every problem under the zone's index and key.</summary>
    private sealed class ZoneReader(int index, List<SafeZoneIssue> issues)
    {
        private readonly HashSet<string> _badFields = new(StringComparer.Ordinal);
        private string? _key;

        public SafeZone? Read(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                issues.Add(new(index, null, "(zone)", $"must be an object {{mo, parameter, ...}}, found {Describe(element)}"));
                return null;
            }
            _key = KeyFor(element);
            foreach (var property in element.EnumerateObject())
                if (JsonStrings.NameOf(property) is not { } name || !ZoneFields.Contains(name, StringComparer.Ordinal))
                    Error(FieldName(property), $"is not a field of a zone (expected {string.Join(", ", ZoneFields)}; names are case-sensitive)");

            var mo = RequiredString(element, "mo");
            var parameter = RequiredString(element, "parameter");
            var min = Number(element, "min");
            var max = Number(element, "max");
            var step = Number(element, "step");
            var unit = OptionalString(element, "unit");
            var maxChange = Number(element, "maxChange");
            var requiresApproval = Boolean(element, "requiresApproval");
            var allowed = Strings(element, "allowed");
            var note = OptionalString(element, "note");
            if (mo is null || parameter is null) return null;

            var zone = new SafeZone(mo, parameter)
            {
                Min = min, Max = max, Step = step, Unit = unit, MaxChange = maxChange,
                RequiresApproval = requiresApproval, Allowed = allowed, Note = note,
            };
            var ok = _badFields.Count == 0;
            foreach (var (field, message) in zone.Problems())
            {
                if (Masked(field, message)) continue;   // follows from a type error already reported
                Error(field, message);
                ok = false;
            }
            return ok ? zone : null;
        }

        private static string? KeyFor(JsonElement element)
        {
            var mo = Peek(element, "mo");
            var parameter = Peek(element, "parameter");
            return mo is null && parameter is null ? null : $"{mo ?? "?"}.{parameter ?? "?"}";

            static string? Peek(JsonElement e, string name) =>
                e.TryGetProperty(name, out var v) && JsonStrings.Read(v) is { } text && !string.IsNullOrWhiteSpace(text)
                    ? text.Trim() : null;
        }

        private string? RequiredString(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                return Bad<string>(name, "is required");
            if (JsonStrings.Read(value) is not { } text || string.IsNullOrWhiteSpace(text))
                return Bad<string>(name, $"must be a non-empty string, found {Describe(value)}");
            return text.Trim();
        }

        private string? OptionalString(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (JsonStrings.Read(value) is { } text) return text;
            return Bad<string>(name, $"must be a string or null, found {Describe(value)}");
        }

        private decimal? Number(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind != JsonValueKind.Number)
            {
                Bad<string>(name, $"must be a number or null, found {Describe(value)}");
                return null;
            }
            if (!value.TryGetDecimal(out var number))
            {
                Bad<string>(name, $"{Describe(value)} is outside the range of a decimal");
                return null;
            }
            return number;
        }

        private bool Boolean(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return false;
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            Bad<string>(name, $"must be true or false, found {Describe(value)}");
            return false;
        }

        private List<string>? Strings(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind != JsonValueKind.Array)
                return Bad<List<string>>(name, $"must be an array of strings or null, found {Describe(value)}");
            var list = new List<string>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (JsonStrings.Read(item) is { } text && !string.IsNullOrWhiteSpace(text))
                    list.Add(text.Trim());
                else
                {
                    Error($"{name}[{i}]", $"must be a non-empty string, found {Describe(item)}");
                    _badFields.Add(name);
                }
                i++;
            }
            return list;   // the good items: an all-bad list is reported once, not again as empty
        }

        /// <summary>True for a consistency problem that only follows from a field already reported as unreadable.</summary>
        private bool Masked(string field, string message)
        {
            if (_badFields.Contains(field.Split('[')[0])) return true;
            var boundedRule = field is "min" or "max" && message.StartsWith("is missing", StringComparison.Ordinal);
            return boundedRule && _badFields.Overlaps(["allowed", "min", "max", "requiresApproval"]);
        }

        private T? Bad<T>(string field, string message) where T : class
        {
            Error(field, message);
            _badFields.Add(field);
            return null;
        }

        private void Error(string field, string message) => issues.Add(new(index, _key, field, message));
    }
}
