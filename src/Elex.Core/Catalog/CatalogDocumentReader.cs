using System.Text.Json;
using Elex.Core.Text;

namespace Elex.Core.Catalog;

/// <summary>Walks one catalog document, turning JSON into features and collecting every finding.</summary>
internal sealed class CatalogDocumentReader(string source)
{
    private readonly List<CatalogIssue> _issues = [];
    private int _index;
    private string? _code;

    public IReadOnlyList<CatalogIssue> Issues => _issues;

    public string Source { get; } = source;

    public List<Feature> Read(JsonElement root)
    {
        var features = new List<Feature>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            DocumentError("(root)", $"must be a JSON object, found {Describe(root)}");
            return features;
        }
        if (!root.TryGetProperty("schema", out var schema) || JsonStrings.Read(schema) is not { } schemaText)
            DocumentError("schema", $"is required and must be \"{CatalogLoader.Schema}\"");
        else if (schemaText != CatalogLoader.Schema)
            DocumentError("schema", $"is \"{schemaText}\"; this loader reads \"{CatalogLoader.Schema}\"");

        if (!root.TryGetProperty("features", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            DocumentError("features", "is required and must be an array of feature objects");
            return features;
        }

        var seen = new Dictionary<FeatureCode, int>();
        _index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var feature = ReadFeature(element);
            if (feature is not null)
            {
                if (seen.TryGetValue(feature.Code, out var first))
                    Error("code", $"duplicates the code of features[{first}]");
                else
                {
                    seen.Add(feature.Code, _index);
                    features.Add(feature);
                }
            }
            _index++;
        }
        if (array.GetArrayLength() == 0) DocumentError("features", "is empty: a catalog needs at least one feature");
        CheckEdges(features, seen);
        return features;
    }

    private Feature? ReadFeature(JsonElement element)
    {
        _code = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error("(feature)", $"must be an object, found {Describe(element)}");
            return null;
        }
        var codeText = RequiredString(element, "code");
        FeatureCode code = default;
        if (codeText is not null)
        {
            _code = codeText;
            if (!FeatureCode.TryParse(codeText, out code))
                Error("code", $"'{codeText}' is not a feature code like 'FAJ 121 3094'");
            else _code = code.Value;
        }
        var name = Text(RequiredString(element, "name"), "name");
        var cxc = Text(OptionalString(element, "cxc"), "cxc");
        var acronym = Text(OptionalString(element, "acronym"), "acronym");
        var domain = Text(OptionalString(element, "domain"), "domain") ?? "";
        var parameters = ReadList(element, "parameters", ReadParameter);
        var counters = ReadList(element, "counters", ReadCounter);
        var kpis = ReadList(element, "kpis", ReadKpi);
        var events = ReadList(element, "events", ReadText);
        var releases = ReadList(element, "releases", ReadText);
        var requires = ReadList(element, "requires", ReadCode);
        var conflicts = ReadList(element, "conflicts", ReadCode);
        var related = ReadList(element, "related", ReadCode);

        if (code.IsEmpty || name is null) return null;
        return new Feature
        {
            Code = code,
            Cxc = string.IsNullOrEmpty(cxc) ? null : cxc,
            Name = name,
            Acronym = string.IsNullOrEmpty(acronym) ? null : acronym,
            Domain = domain,
            Parameters = parameters,
            Counters = counters,
            Kpis = kpis,
            Events = events,
            Releases = releases,
            Requires = requires,
            Conflicts = conflicts,
            Related = related,
        };
    }

    private (FeatureParameter, bool) ReadParameter(JsonElement item, string field)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Error(field, $"must be an object {{mo, name, role}}, found {Describe(item)}");
            return (null!, false);
        }
        var mo = RequiredString(item, "mo", field);
        var name = RequiredString(item, "name", field);
        var roleText = RequiredString(item, "role", field);
        if (mo is null || name is null || roleText is null) return (null!, false);
        roleText = CatalogText.Normalize(roleText);
        if (!Enum.TryParse<ParameterRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            Error($"{field}.role", $"'{roleText}' is not one of Introduced, Affecting, Affected, Referenced");
            return (null!, false);
        }
        mo = Text(mo, $"{field}.mo")!;
        name = Text(name, $"{field}.name")!;
        if (IsPlaceholder(name, $"{field}.name", "parameter")) return (null!, false);
        return (new FeatureParameter(mo, name, role), true);
    }

    private (FeatureCounter, bool) ReadCounter(JsonElement item, string field)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Error(field, $"must be an object {{mo, name}}, found {Describe(item)}");
            return (null!, false);
        }
        var mo = RequiredString(item, "mo", field);
        var name = RequiredString(item, "name", field);
        if (mo is null || name is null) return (null!, false);
        name = Text(name, $"{field}.name")!;
        if (IsPlaceholder(name, $"{field}.name", "counter")) return (null!, false);
        return (new FeatureCounter(Text(mo, $"{field}.mo")!, name), true);
    }

    private (string, bool) ReadText(JsonElement item, string field)
    {
        if (JsonStrings.Read(item) is { } text && !string.IsNullOrWhiteSpace(text)) return (Text(text, field)!, true);
        Error(field, $"must be a non-empty string, found {Describe(item)}");
        return (null!, false);
    }

    // Junk in a KPI list stays out of the feature (answers list these as "KPIs affected") with a warning naming it.
    private (string, bool) ReadKpi(JsonElement item, string field)
    {
        var (text, ok) = ReadText(item, field);
        if (!ok) return (text, false);
        if (KpiText.Judge(text, out var repaired) is { } notAKpi)
        {
            Warning(field, $"'{Truncate(text, 80)}' {notAKpi}; left out");
            return (null!, false);
        }
        if (repaired != text) Warning(field, $"'{Truncate(text, 80)}' starts with a word cut from a longer phrase; read as '{repaired}'");
        return (repaired, true);
    }

    // Collapses whitespace runs; a run inside the text is a broken export worth a warning, padding at the ends is not.
    private string? Text(string? value, string field)
    {
        if (value is null) return null;
        var normalized = CatalogText.Normalize(value);
        if (CatalogText.HasInnerWhitespaceRuns(value)) Warning(field, $"whitespace runs collapsed: read as '{Truncate(normalized, 80)}'");
        return normalized;
    }

    private bool IsPlaceholder(string name, string field, string what)
    {
        if (!PlaceholderNames.IsPlaceholder(name)) return false;
        Warning(field, $"'{name}' is a placeholder, not a real {what} name; left out");
        return true;
    }

    private (FeatureCode, bool) ReadCode(JsonElement item, string field)
    {
        if (FeatureCode.TryParse(JsonStrings.Read(item), out var code)) return (code, true);
        Error(field, $"must be a feature code like 'FAJ 121 3094', found {Describe(item)}");
        return (default, false);
    }

    private List<T> ReadList<T>(JsonElement feature, string name, Func<JsonElement, string, (T Value, bool Ok)> read)
    {
        var list = new List<T>();
        if (!feature.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null) return list;
        if (array.ValueKind != JsonValueKind.Array)
        {
            Error(name, $"must be an array, found {Describe(array)}");
            return list;
        }
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var (value, ok) = read(item, $"{name}[{i}]");
            if (ok) list.Add(value);
            i++;
        }
        return list;
    }

    private string? RequiredString(JsonElement obj, string name, string? parent = null)
    {
        var field = parent is null ? name : $"{parent}.{name}";
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Error(field, "is required");
            return null;
        }
        if (JsonStrings.Read(value) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            Error(field, $"must be a non-empty string, found {Describe(value)}");
            return null;
        }
        return text;
    }

    private string? OptionalString(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (JsonStrings.Read(value) is { } text) return text;
        Error(name, $"must be a string or null, found {Describe(value)}");
        return null;
    }

    private void CheckEdges(List<Feature> features, Dictionary<FeatureCode, int> indexByCode)
    {
        foreach (var feature in features)
        {
            var index = indexByCode[feature.Code];
            Edges(feature, index, "requires", feature.Requires);
            Edges(feature, index, "conflicts", feature.Conflicts);
            Edges(feature, index, "related", feature.Related);
        }

        void Edges(Feature feature, int index, string field, IReadOnlyList<FeatureCode> targets)
        {
            foreach (var target in targets)
            {
                if (target == feature.Code)
                    _issues.Add(new(CatalogIssueSeverity.Warning, index, feature.Code.Value, field, "points at the feature itself"));
                else if (!indexByCode.ContainsKey(target))
                    _issues.Add(new(CatalogIssueSeverity.Warning, index, feature.Code.Value, field, $"{target} is not in this catalog"));
            }
        }
    }

    private void Warning(string field, string message) =>
        _issues.Add(new CatalogIssue(CatalogIssueSeverity.Warning, _index, _code, field, message));

    private void Error(string field, string message) =>
        _issues.Add(new CatalogIssue(CatalogIssueSeverity.Error, _index, _code, field, message));

    private void DocumentError(string field, string message) =>
        _issues.Add(new CatalogIssue(CatalogIssueSeverity.Error, null, null, field, message));

    private static string Describe(JsonElement e) => JsonStrings.Describe(e);

    private static string Truncate(string s, int length = 40) => JsonStrings.Truncate(s, length);
}
