using Elex.Core.Catalog;

namespace Elex.Core.Routing.Snapshots;

/// <summary>
/// A loaded catalog as a snapshot holds it: every feature field and every warning the loader
/// reported, so a one-shot question does not parse and validate megabytes of JSON again. Only
/// catalogs that loaded are written; reading one back needs no validation beyond the snapshot's own
/// hash.
/// </summary>
internal static class CatalogSnapshot
{
    public static void Write(SnapshotWriter w, FeatureCatalog catalog)
    {
        w.Int(catalog.Count);
        foreach (var f in catalog.Features)
        {
            w.String(f.Code.Value);
            w.String(f.Cxc);
            w.String(f.Name);
            w.String(f.Acronym);
            w.String(f.Domain);
            w.Int(f.Parameters.Count);
            foreach (var p in f.Parameters)
            {
                w.String(p.Mo);
                w.String(p.Name);
                w.Byte((byte)p.Role);
            }
            w.Int(f.Counters.Count);
            foreach (var c in f.Counters)
            {
                w.String(c.Mo);
                w.String(c.Name);
            }
            w.Strings(f.Kpis);
            w.Strings(f.Events);
            w.Strings(f.Releases);
            Codes(w, f.Requires);
            Codes(w, f.Conflicts);
            Codes(w, f.Related);
        }
        w.Int(catalog.Warnings.Count);
        foreach (var issue in catalog.Warnings)
        {
            w.Byte((byte)issue.Severity);
            w.Int(issue.FeatureIndex is { } index ? index + 1 : 0);
            w.String(issue.FeatureCode);
            w.String(issue.Field);
            w.String(issue.Message);
        }
    }

    public static FeatureCatalog Read(SnapshotReader r, string source)
    {
        var features = new Feature[r.Count(minimumBytesEach: 5)];
        for (var i = 0; i < features.Length; i++)
        {
            var code = Code(r);
            var cxc = r.NullableString();
            var name = r.String();
            var acronym = r.NullableString();
            var domain = r.String();
            var parameters = new FeatureParameter[r.Count(minimumBytesEach: 3)];
            for (var p = 0; p < parameters.Length; p++) parameters[p] = new FeatureParameter(r.String(), r.String(), Role(r.Byte()));
            var counters = new FeatureCounter[r.Count(minimumBytesEach: 2)];
            for (var c = 0; c < counters.Length; c++) counters[c] = new FeatureCounter(r.String(), r.String());
            features[i] = new Feature
            {
                Code = code,
                Cxc = cxc,
                Name = name,
                Acronym = acronym,
                Domain = domain,
                Parameters = parameters,
                Counters = counters,
                Kpis = r.Strings(),
                Events = r.Strings(),
                Releases = r.Strings(),
                Requires = Codes(r),
                Conflicts = Codes(r),
                Related = Codes(r),
            };
        }
        var warnings = new CatalogIssue[r.Count(minimumBytesEach: 5)];
        for (var i = 0; i < warnings.Length; i++)
        {
            var severity = r.Byte() is var s && Enum.IsDefined((CatalogIssueSeverity)s) ? (CatalogIssueSeverity)s : throw new InvalidDataException($"severity {s}");
            var index = r.Int();
            warnings[i] = new CatalogIssue(severity, index == 0 ? null : index - 1, r.NullableString(), r.String(), r.String());
        }
        return new FeatureCatalog(features, warnings, source);
    }

    private static void Codes(SnapshotWriter w, IReadOnlyList<FeatureCode> codes)
    {
        w.Int(codes.Count);
        foreach (var code in codes) w.String(code.Value);
    }

    private static FeatureCode[] Codes(SnapshotReader r)
    {
        var codes = new FeatureCode[r.Count()];
        for (var i = 0; i < codes.Length; i++) codes[i] = Code(r);
        return codes;
    }

    private static FeatureCode Code(SnapshotReader r) =>
        FeatureCode.TryParse(r.String(), out var code) ? code : throw new InvalidDataException("a feature code in the snapshot does not parse");

    private static ParameterRole Role(byte value) =>
        Enum.IsDefined((ParameterRole)value) ? (ParameterRole)value : throw new InvalidDataException($"parameter role {value}");
}
