using System.Reflection;
using Elex.Core.Routing;
using Elex.Core.Routing.Glosses;
using Elex.Core.Routing.Snapshots;

namespace Elex.Core.Tests.Routing.Snapshots;

/// <summary>The snapshot key changes with everything a router depends on, and only with that.</summary>
public class RouterSnapshotKeyTests
{
    private static readonly byte[] Bytes = SnapshotTestData.SampleBytes();

    private static byte[] Key(byte[]? bytes = null, string? glosses = null, RouterOptions? options = null)
    {
        var key = new byte[RouterSnapshotKey.Bytes];
        RouterSnapshotKey.Compute(bytes ?? Bytes, glosses ?? RoutingGlosses.EmbeddedFingerprint, options ?? new RouterOptions()).WriteTo(key);
        return key;
    }

    [Fact]
    public void Mismatch_NamesWhatChanged()
    {
        var key = RouterSnapshotKey.Compute(Bytes, RoutingGlosses.EmbeddedFingerprint, new RouterOptions());
        var changed = (byte[])Bytes.Clone();
        changed[0] ^= 1;
        Assert.Null(key.Mismatch(Key()));
        Assert.Contains("another catalog", key.Mismatch(Key(changed)));
        Assert.Contains("other routing glosses or router options", key.Mismatch(Key(glosses: "other")));
        Assert.Contains("other routing glosses or router options", key.Mismatch(Key(options: new RouterOptions { TopK = 9 })));
        var otherBuild = Key();
        otherBuild[3] ^= 1;
        Assert.Contains("another build of elex", key.Mismatch(otherBuild));
    }

    [Fact]
    public void SameInputs_SameKey() => Assert.Equal(Key(), Key(options: new RouterOptions()));

    [Fact]
    public void OneCatalogByte_ChangesTheKey()
    {
        var changed = (byte[])Bytes.Clone();
        changed[^2] ^= 0x20;
        Assert.NotEqual(Key(), Key(changed));
    }

    [Fact]
    public void Glosses_ChangeTheKey_AndTheEmbeddedSetIsKnownWithoutParsing()
    {
        Assert.NotEqual(Key(), Key(glosses: RoutingGlosses.None.Fingerprint));
        Assert.Equal(RoutingGlosses.EmbeddedFingerprint, RoutingGlosses.Embedded.Fingerprint);
        Assert.Equal(RoutingGlosses.EmbeddedFingerprint, RouterSnapshotKey.GlossesFingerprint(null));
        var parsed = RoutingGlosses.Parse(new StringReader("""{"code":"FAJ 121 3094","rat":"LTE","gloss":"mute branches at night","terms":["sleep"]}"""));
        var other = RoutingGlosses.Parse(new StringReader("""{"code":"FAJ 121 3094","rat":"LTE","gloss":"mute branches at night","terms":["sleeps"]}"""));
        Assert.NotEqual(parsed.Fingerprint, other.Fingerprint);
    }

    // Every option, public or internal, is part of the key: a new option that the fingerprint forgot fails here.
    public static TheoryData<string> OptionNames() => new(Names());

    private static IEnumerable<string> Names() => typeof(RouterOptions)
        .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        .Where(p => p.CanWrite).Select(p => p.Name);

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void EveryOption_ChangesTheKey(string name)
    {
        var property = typeof(RouterOptions).GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!;
        var options = new RouterOptions();
        var changed = (RouterOptions)typeof(RouterOptions).GetMethod("<Clone>$")!.Invoke(options, null)!;
        property.SetValue(changed, property.GetValue(options) switch
        {
            int i => i + 1,
            float f => f + 0.125f,
            VectorSearchMode m => m == VectorSearchMode.Exact ? VectorSearchMode.Auto : VectorSearchMode.Exact,
            SemanticCalibration c => c with { Bias = c.Bias + 0.125f },
            var other => throw new InvalidOperationException($"add a change for {name} of type {other?.GetType().Name}"),
        });
        Assert.NotEqual(Key(options: options), Key(options: changed));
    }

    [Fact]
    public void OptionNames_CoverThePublicAndInternalOptions()
    {
        var names = Names().ToList();
        Assert.Contains(nameof(RouterOptions.Dimensions), names);
        Assert.Contains("Calibration", names);
        Assert.Contains("VectorSearch", names);
    }
}
