using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Elex.Core.Routing.Glosses;

namespace Elex.Core.Routing.Snapshots;

/// <summary>
/// What a router snapshot was built from, in three SHA-256 parts so a stale snapshot can say what
/// changed: <see cref="Build"/> — the snapshot format and the build of Elex.Core that wrote it (its
/// module version id, which a deterministic build changes with any change to the code or its
/// embedded data: analysers, vocabulary, weights); <see cref="Catalog"/> — the catalog's bytes;
/// <see cref="Settings"/> — the routing glosses and every router option.
/// </summary>
internal sealed record RouterSnapshotKey(byte[] Build, byte[] Catalog, byte[] Settings)
{
    /// <summary>Bytes the key takes in a snapshot header.</summary>
    public const int Bytes = 3 * 32;

    public static RouterSnapshotKey Compute(ReadOnlySpan<byte> catalogBytes, string glossesFingerprint, RouterOptions options) => new(
        Hash($"elex-router-snapshot\n{RouterSnapshot.FormatVersion.ToString(CultureInfo.InvariantCulture)}\n{typeof(RouterSnapshotKey).Module.ModuleVersionId:N}"),
        SHA256.HashData(catalogBytes),
        Hash($"{glossesFingerprint}\n{options.Fingerprint()}"));

    /// <summary>The glosses' fingerprint; the embedded set's without parsing it.</summary>
    public static string GlossesFingerprint(RoutingGlosses? glosses) => glosses?.Fingerprint ?? RoutingGlosses.EmbeddedFingerprint;

    public void WriteTo(Span<byte> destination)
    {
        Build.CopyTo(destination);
        Catalog.CopyTo(destination[32..]);
        Settings.CopyTo(destination[64..]);
    }

    /// <summary>Why a snapshot with <paramref name="written"/> as its key cannot serve this one, or null when it can.</summary>
    public string? Mismatch(ReadOnlySpan<byte> written) =>
        !written[..32].SequenceEqual(Build) ? "was built by another build of elex"
        : !written[32..64].SequenceEqual(Catalog) ? "was built from another catalog (or another version of the catalog file)"
        : !written[64..96].SequenceEqual(Settings) ? "was built with other routing glosses or router options"
        : null;

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
