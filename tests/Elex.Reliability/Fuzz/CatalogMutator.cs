using System.Text;
using System.Text.Json.Nodes;
using Elex.Reliability.Support;

namespace Elex.Reliability.Fuzz;

/// <summary>
/// Seeded mutations of the embedded sample catalog: a random subset of its features (edges out of
/// the subset are warnings, so the subset loads), harmless noise, then one targeted defect —
/// missing fields, wrong types, bad codes and roles, duplicate codes, dangling and self edges,
/// lone surrogates, deep nesting — or damage to the bytes (truncation, flipped bytes).
/// </summary>
public sealed class CatalogMutator(int seed)
{
    private const string Lone = "@@LONE@@";
    private static readonly Lazy<JsonArray> Features = new(() => (JsonArray)JsonNode.Parse(Sample.CatalogJson.Span)!["features"]!);
    private static readonly string[] Lists = ["parameters", "counters", "kpis", "events", "releases", "requires", "conflicts", "related"];
    private static readonly string[] Optional = ["cxc", "acronym", "domain"];

    private readonly Random _random = new(seed);

    /// <summary>The next generated catalog.</summary>
    public DocumentCase Next()
    {
        var features = new JsonArray();
        var count = _random.Next(1, 9);
        foreach (var index in Enumerable.Range(0, Features.Value.Count).OrderBy(_ => _random.Next()).Take(count))
            features.Add(Features.Value[index]!.DeepClone());
        var root = new JsonObject { ["schema"] = "elex-catalog/1", ["features"] = features };
        Noise(root, features);
        return _random.Next(100) switch
        {
            < 8 => Bytes(root, truncate: true),
            < 14 => Bytes(root, truncate: false),
            _ => Targeted(root, features),
        };
    }

    private void Noise(JsonObject root, JsonArray features)
    {
        if (_random.Next(3) == 0) root["source"] = "fuzz";
        if (_random.Next(3) == 0) ((JsonObject)features[_random.Next(features.Count)]!)["unknownField"] = new JsonArray(1, "two", null);
        if (_random.Next(3) == 0) ((JsonObject)features[_random.Next(features.Count)]!)[Pick(Lists)] = null;
        if (_random.Next(4) == 0) ((JsonObject)features[_random.Next(features.Count)]!)[Pick(Optional)] = null;
    }

    private DocumentCase Bytes(JsonObject root, bool truncate)
    {
        var bytes = Encoding.UTF8.GetBytes(root.ToJsonString());
        if (truncate) return new(bytes[.._random.Next(bytes.Length)], "truncated", false, ["not valid JSON"]);
        for (var flips = _random.Next(1, 6); flips > 0; flips--) bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
        return new(bytes, "flipped bytes", null, []);
    }

    private DocumentCase Targeted(JsonObject root, JsonArray features)
    {
        var i = _random.Next(features.Count);
        var feature = (JsonObject)features[i]!;
        var at = $"features[{i}]";
        switch (_random.Next(22))
        {
            case 0:
                var required = Pick("code", "name");
                feature.Remove(required);
                return Case(root, $"missing {required}", false, at, $".{required}: is required");
            case 1:
                var field = Pick("code", "name");
                feature[field] = WrongValue();
                return Case(root, $"{field} of a wrong type", false, at, $".{field}:");
            case 2:
                feature["code"] = Pick("FAJ 12", "XYZ", "FAJ 121 30945", "121 3094 FAJ", "FAJ1213O94", "F@J 121 3094");
                return Case(root, "code not a feature code", false, at, ".code:", "is not a feature code");
            case 3:
                var optional = Pick(Optional);
                feature[optional] = Pick<JsonNode>(42, true, new JsonArray(), new JsonObject());
                return Case(root, $"{optional} of a wrong type", false, at, $".{optional}:");
            case 4:
                var list = Pick(Lists);
                feature[list] = Pick<JsonNode>(7, "FAJ 121 3094", new JsonObject(), false);
                return Case(root, $"{list} not an array", false, at, $".{list}:", "must be an array");
            case 5 when Items(feature, "parameters") is { Count: > 0 } parameters:
                var j = _random.Next(parameters.Count);
                var part = Pick("mo", "name", "role");
                ((JsonObject)parameters[j]!).Remove(part);
                return Case(root, $"parameter without {part}", false, at, $".parameters[{j}].{part}: is required");
            case 6 when Items(feature, "parameters") is { Count: > 0 } parameters:
                var k = _random.Next(parameters.Count);
                ((JsonObject)parameters[k]!)["role"] = Pick("Owner", "introduced!", "5", "");
                return Case(root, "parameter role unknown", false, at, $".parameters[{k}].role:");
            case 7 when Items(feature, "counters") is { Count: > 0 } counters:
                var c = _random.Next(counters.Count);
                counters[c] = WrongValue();
                return Case(root, "counter not an object", false, at, $".counters[{c}]");
            case 8:
                var texts = EnsureList(feature, Pick("kpis", "events", "releases"), out var textName);
                texts.Add(Pick<JsonNode>(3, "", "   ", new JsonObject(), true));
                return Case(root, $"{textName} item not text", false, at, $".{textName}[{texts.Count - 1}]:");
            case 9:
                var edges = EnsureList(feature, Pick("requires", "conflicts", "related"), out var edgeName);
                edges.Add(Pick<JsonNode>("FAJ", "garbage", 1213094, new JsonArray(), "FAJ 121 3094 extra"));
                return Case(root, $"{edgeName} item not a code", false, at, $".{edgeName}[{edges.Count - 1}]:");
            case 10 when features.Count > 1:
                var first = _random.Next(i);
                if (first == i) goto default;
                var code = (string)features[first]!["code"]!;
                feature["code"] = _random.Next(2) == 0 ? code : code.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
                return Case(root, "duplicate code", false, at, ".code:", $"duplicates the code of features[{first}]");
            case 11:
                var dangling = EnsureList(feature, Pick("requires", "conflicts", "related"), out var danglingName);
                dangling.Add("FAJ 999 9999");
                return Case(root, $"dangling {danglingName} edge", true, at, $".{danglingName}:", "FAJ 999 9999 is not in this catalog");
            case 12:
                var self = EnsureList(feature, Pick("requires", "related"), out var selfName);
                self.Add((string)feature["code"]!);
                return Case(root, $"{selfName} edge to itself", true, at, $".{selfName}:", "points at the feature itself");
            case 13:
                root["schema"] = Pick<JsonNode?>("elex-catalog/2", "", 1, null);
                return Case(root, "wrong schema", false, "catalog.schema:");
            case 14:
                if (_random.Next(2) == 0) root.Remove("schema");
                else root.Remove("features");
                return Case(root, "missing root field", false, root.ContainsKey("schema") ? "catalog.features:" : "catalog.schema:");
            case 15:
                root["features"] = Pick<JsonNode?>(new JsonArray(), new JsonObject(), "features", null);
                return Case(root, "features not a non-empty array", false, "catalog.features:");
            case 16:
                features[i] = Pick<JsonNode?>(1, "FAJ 121 3094", new JsonArray(), null, false);
                return Case(root, "feature not an object", false, at, ".(feature):");
            case 17:
                var target = Pick("name", "code", "cxc", "acronym", "domain");
                feature[target] = "MSM " + Lone;
                return Case(root, $"lone surrogate in {target}", false, at, $".{target}:");
            case 18:
                var inList = EnsureList(feature, Pick("kpis", "events", "releases", "requires", "related"), out var inListName);
                inList.Add(Lone);
                return Case(root, $"lone surrogate in {inListName}", false, at, $".{inListName}[{inList.Count - 1}]:");
            case 19:
                var deep = new StringBuilder();
                var depth = _random.Next(65, 300);
                deep.Append('[', depth).Append(']', depth);
                feature["parameters"] = "@@DEEP@@";
                return new(Encoding.UTF8.GetBytes(root.ToJsonString().Replace("\"@@DEEP@@\"", deep.ToString(), StringComparison.Ordinal)), "deep nesting", false, ["not valid JSON"]);
            case 20:
                feature["name"] = new string('n', _random.Next(10_000, 200_000));
                feature["extra"] = new string('x', _random.Next(10_000, 200_000));
                return Case(root, "huge strings", true);
            default:
                feature["name"] = Pick<JsonNode?>(null, "", "  ", 0);
                return Case(root, "name null or blank", false, at, ".name:");
        }
    }

    private DocumentCase Case(JsonObject root, string mutation, bool mustLoad, params string[] mustName) =>
        new(Encoding.UTF8.GetBytes(root.ToJsonString().Replace(Lone, "\\uD800", StringComparison.Ordinal)), mutation, mustLoad, mustName);

    private static JsonArray? Items(JsonObject feature, string name) => feature[name] as JsonArray;

    private JsonArray EnsureList(JsonObject feature, string name, out string chosen)
    {
        chosen = name;
        if (feature[name] is JsonArray existing) return existing;
        var created = new JsonArray();
        feature[name] = created;
        return created;
    }

    private JsonNode WrongValue() => Pick<JsonNode>(12, 1.5, true, new JsonArray(), new JsonObject(), new JsonArray("FAJ 121 3094"));

    private string Pick(params string[] options) => options[_random.Next(options.Length)];

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];
}
