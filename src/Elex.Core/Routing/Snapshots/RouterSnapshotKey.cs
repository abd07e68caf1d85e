using System.Security.Cryptography;
using System.Text;
using Elex.Core.Routing.Glosses;

namespace Elex.Core.Routing.Snapshots;

/// <summary>
/// What a router snapshot was built from, as one SHA-256: the snapshot format, the build of
/// Elex.Core that wrote it (its module version id, which a deterministic build changes with any
/// change to the code or its embedded data — analysers, vocabulary, weights), the catalog's bytes,
/// the routing glosses and every router option. A snapshot whose key differs is stale.
/// </summary>
internal static class RouterSnapshotKey
{
    public static byte[] Compute(ReadOnlySpan<byte> catalogBytes, string glossesFingerprint, RouterOptions options)
    {
        var text = string.Join('\n',
            "elex-router-snapshot",
            RouterSnapshot.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            typeof(RouterSnapshotKey).Module.ModuleVersionId.ToString("N"),
            Convert.ToHexStringLower(SHA256.HashData(catalogBytes)),
            glossesFingerprint,
            options.Fingerprint());
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The glosses' fingerprint; the embedded set's without parsing it.</summary>
    public static string GlossesFingerprint(RoutingGlosses? glosses) => glosses?.Fingerprint ?? RoutingGlosses.EmbeddedFingerprint;
}
