using System.Text;
using System.Text.Json.Nodes;

namespace Elex.Reliability.Fuzz;

/// <summary>
/// Seeded mutations of a valid <c>elex-safe-zones/1</c> document (a random selection of valid
/// zones, enumerated and numeric): one targeted defect per document — missing or mistyped fields,
/// inconsistent bounds, bad <c>allowed</c> lists, unknown fields, duplicates, lone surrogates in
/// values and names, deep nesting — or damage to its bytes.
/// </summary>
public sealed class SafeZoneMutator(int seed)
{
    private const string Lone = "@@LONE@@";
    private static readonly string[] Numbers = ["min", "max", "step", "maxChange"];

    private static readonly string[] Pool =
    [
        """{ "mo": "MimoSleepFunction", "parameter": "sleepMode", "allowed": ["0", "1", "2"], "note": "Local policy." }""",
        """{ "mo": "EUtranCellRelation", "parameter": "cellIndividualOffsetEUtran", "min": -24, "max": 24, "step": 1, "unit": "dB", "maxChange": 3 }""",
        """{ "mo": "*", "parameter": "cellReselectionPriority", "min": 0, "max": 7, "step": 1 }""",
        """{ "mo": "FeatureState", "parameter": "featureState", "allowed": ["ACTIVATED", "DEACTIVATED"], "requiresApproval": true }""",
        """{ "mo": "EUtranCellFDD", "parameter": "qRxLevMin", "min": -140, "max": -44, "step": 2, "unit": "dBm" }""",
        """{ "mo": "CellSleepFunction", "parameter": "sleepStartTime", "requiresApproval": true, "note": "Night window only." }""",
        """{ "mo": "NRCellDU", "parameter": "ssbPeriodicity", "allowed": ["5", "10", "20", "40", "80", "160"], "unit": "ms" }""",
        """{ "mo": "EUtranCellFDD", "parameter": "pZeroNominalPusch", "min": -126, "max": -96, "maxChange": 2, "requiresApproval": false, "allowed": null, "note": null, "unit": null, "step": null }""",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The next generated document.</summary>
    public DocumentCase Next()
    {
        var zones = new JsonArray();
        foreach (var zone in Pool.OrderBy(_ => _random.Next()).Take(_random.Next(1, Pool.Length + 1))) zones.Add(JsonNode.Parse(zone));
        var root = new JsonObject { ["schema"] = "elex-safe-zones/1", ["zones"] = zones };
        if (_random.Next(3) == 0) root["description"] = _random.Next(2) == 0 ? "fuzz" : null;
        return _random.Next(100) switch
        {
            < 7 => Bytes(root, truncate: true),
            < 13 => Bytes(root, truncate: false),
            < 18 => Case(root, "valid", true),
            _ => Targeted(root, zones),
        };
    }

    private DocumentCase Bytes(JsonObject root, bool truncate)
    {
        var bytes = Encoding.UTF8.GetBytes(root.ToJsonString());
        if (truncate) return new(bytes[.._random.Next(bytes.Length)], "truncated", false, ["not valid JSON"]);
        for (var flips = _random.Next(1, 6); flips > 0; flips--) bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
        return new(bytes, "flipped bytes", null, []);
    }

    private DocumentCase Targeted(JsonObject root, JsonArray zones)
    {
        var i = _random.Next(zones.Count);
        var zone = (JsonObject)zones[i]!;
        var at = $"zones[{i}]";
        switch (_random.Next(26))
        {
            case 0:
                var required = Pick("mo", "parameter");
                zone.Remove(required);
                return Case(root, $"missing {required}", false, at, $".{required}: is required");
            case 1:
                var name = Pick("mo", "parameter");
                zone[name] = Pick<JsonNode?>(1, true, new JsonArray(), new JsonObject(), "", "   ");
                return Case(root, $"{name} of a wrong type", false, at, $".{name}:");
            case 2:
                var number = Pick(Numbers);
                zone[number] = Pick<JsonNode>("5", true, new JsonArray(1), new JsonObject());
                return Case(root, $"{number} not a number", false, at, $".{number}:", "must be a number or null");
            case 3:
                var huge = Pick(Numbers);
                zone[huge] = "@@HUGE@@";
                return Case(root, $"{huge} beyond decimal", false, at, $".{huge}:", "outside the range of a decimal");
            case 4:
                Numeric(zone);
                zone["min"] = 10;
                zone["max"] = _random.Next(-100, 10);
                return Case(root, "min above max", false, at, ".min:", "is greater than max");
            case 5:
                Numeric(zone);
                zone["step"] = Pick<JsonNode>(0, -1, -0.5);
                return Case(root, "step not positive", false, at, ".step:", "must be greater than 0");
            case 6:
                Numeric(zone);
                zone["maxChange"] = Pick<JsonNode>(0, -3);
                return Case(root, "maxChange not positive", false, at, ".maxChange:", "must be greater than 0");
            case 7:
                zone["requiresApproval"] = Pick<JsonNode>("true", 1, 0, new JsonArray());
                return Case(root, "requiresApproval not a boolean", false, at, ".requiresApproval:", "must be true or false");
            case 8:
                Enumerated(zone);
                zone["allowed"] = Pick<JsonNode>("0", 1, new JsonObject(), true);
                return Case(root, "allowed not an array", false, at, ".allowed:");
            case 9:
                var items = Enumerated(zone);
                items.Add(Pick<JsonNode?>(1, "", " ", null, new JsonArray()));
                return Case(root, "allowed item not text", false, at, $".allowed[{items.Count - 1}]:");
            case 10:
                Enumerated(zone);
                zone["allowed"] = new JsonArray();
                return Case(root, "allowed empty", false, at, ".allowed:", "is empty");
            case 11:
                var repeated = Enumerated(zone);
                repeated.Add(((string)repeated[0]!).ToLowerInvariant());
                return Case(root, "allowed repeats a value", false, at, $".allowed[{repeated.Count - 1}]:", "repeats allowed[0]");
            case 12:
                Enumerated(zone);
                zone[Pick(Numbers)] = 1;
                return Case(root, "allowed with numeric bounds", false, at, ".allowed:", "a zone is either enumerated or numeric");
            case 13:
                Numeric(zone);
                var missing = Pick("min", "max");
                zone.Remove(missing);
                return Case(root, $"numeric zone without {missing}", false, at, $".{missing}:", "is missing");
            case 14:
                var unknown = Pick("Min", "maximum", "allow", "requires_approval", "");
                zone[unknown] = 1;
                return Case(root, "unknown zone field", false, at, unknown.Length == 0 ? ".\"\":" : $".{unknown}:", "is not a field of a zone");
            case 15:
                root[Pick("zone", "Schema", "version")] = 1;
                return Case(root, "unknown document field", false, "document.", "is not a field of a safe-zone document");
            case 16:
                root["schema"] = Pick<JsonNode?>("elex-safe-zones/2", "", 1, null);
                return Case(root, "wrong schema", false, "document.schema:");
            case 17:
                if (_random.Next(2) == 0) root.Remove("zones");
                else root["zones"] = Pick<JsonNode?>(new JsonObject(), "zones", 3, null);
                return Case(root, "zones not an array", false, "document.zones:");
            case 18:
                zones[i] = Pick<JsonNode?>(1, "MimoSleepFunction.sleepMode", new JsonArray(), null, false);
                return Case(root, "zone not an object", false, at, ".(zone):");
            case 19 when i > 0:
                var first = (JsonObject)zones[0]!;
                zone["mo"] = ((string)first["mo"]!).ToUpperInvariant();
                zone["parameter"] = ((string)first["parameter"]!).ToLowerInvariant();
                return Case(root, "duplicate Mo.parameter", false, at, ".parameter:", "duplicates zones[0]");
            case 20:
                var field = Pick("mo", "parameter", "unit", "note");
                zone[field] = "x" + Lone;
                return Case(root, $"lone surrogate in {field}", false, at, $".{field}:");
            case 21:
                var list = Enumerated(zone);
                list.Add("2" + Lone);
                return Case(root, "lone surrogate in allowed", false, at, $".allowed[{list.Count - 1}]:");
            case 22:
                zone["@@NAME@@"] = 1;
                return Case(root, "lone surrogate in a field name", false, at);
            case 23:
                root["description"] = Pick<JsonNode>(1, new JsonArray(), new JsonObject(), false);
                return Case(root, "description not text", false, "document.description:");
            case 24:
                zone["note"] = "@@DEEP@@";
                var depth = _random.Next(65, 300);
                var deep = new string('[', depth) + new string(']', depth);
                return new(Encoding.UTF8.GetBytes(root.ToJsonString().Replace("\"@@DEEP@@\"", deep, StringComparison.Ordinal)), "deep nesting", false, ["not valid JSON"]);
            default:
                zone["note"] = new string('n', _random.Next(10_000, 200_000));
                return Case(root, "huge note", true);
        }
    }

    private static void Numeric(JsonObject zone)
    {
        zone.Remove("allowed");
        zone.Remove("requiresApproval");
        zone["min"] = -10;
        zone["max"] = 10;
    }

    private static JsonArray Enumerated(JsonObject zone)
    {
        foreach (var number in Numbers) zone.Remove(number);
        if (zone["allowed"] is JsonArray existing && existing.Count > 0) return existing;
        var created = new JsonArray("A", "B");
        zone["allowed"] = created;
        return created;
    }

    private DocumentCase Case(JsonObject root, string mutation, bool mustLoad, params string[] mustName)
    {
        var text = root.ToJsonString()
            .Replace(Lone, "\\uDC00", StringComparison.Ordinal)
            .Replace("\"@@NAME@@\"", "\"bad\\uD800name\"", StringComparison.Ordinal)
            .Replace("\"@@HUGE@@\"", Pick("1e40", "-1e300", "79228162514264337593543950336"), StringComparison.Ordinal);
        if (_random.Next(4) == 0) text = "// an operator's comment\n" + text;
        return new(Encoding.UTF8.GetBytes(text), mutation, mustLoad, mustName);
    }

    private string Pick(params string[] options) => options[_random.Next(options.Length)];

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];
}
