using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Elex.Core.Catalog;

namespace Elex.Core.Routing.Glosses;

/// <summary>
/// The routing glosses by feature code. The embedded set covers every feature of the shipped
/// catalog; a catalog loaded from elsewhere uses the glosses whose codes it shares and routes its
/// other features on catalog facts alone.
/// </summary>
public sealed class RoutingGlosses
{
    private const string ResourceName = "Elex.Core.routing-glosses.jsonl";
    private static readonly Lazy<RoutingGlosses> s_embedded = new(LoadEmbedded);
    private static readonly Lazy<string> s_embeddedFingerprint = new(() => "embedded:" + Convert.ToHexStringLower(SHA256.HashData(EmbeddedBytes())));
    private readonly Dictionary<string, FeatureGloss> _byCode;
    private string? _fingerprint;

    private RoutingGlosses(Dictionary<string, FeatureGloss> byCode) => _byCode = byCode;

    /// <summary>No glosses: routing on catalog facts alone.</summary>
    public static RoutingGlosses None { get; } = new(new Dictionary<string, FeatureGloss>(StringComparer.Ordinal));

    /// <summary>The glosses embedded in this assembly.</summary>
    public static RoutingGlosses Embedded => s_embedded.Value;

    /// <summary>How many features have a gloss.</summary>
    public int Count => _byCode.Count;

    /// <summary>All glosses.</summary>
    internal IEnumerable<FeatureGloss> All => _byCode.Values;

    /// <summary>
    /// A hash of every gloss, so a router snapshot built with other glosses is not used. The embedded
    /// set's is the hash of its resource, known without parsing it (<see cref="EmbeddedFingerprint"/>).
    /// </summary>
    internal string Fingerprint => _fingerprint ??= ContentFingerprint(_byCode.Values);

    /// <summary>The embedded glosses' <see cref="Fingerprint"/>, without parsing them.</summary>
    internal static string EmbeddedFingerprint => s_embeddedFingerprint.Value;

    /// <summary>The gloss of a feature, or null.</summary>
    internal FeatureGloss? For(FeatureCode code) => _byCode.GetValueOrDefault(code.Value);

    /// <summary>
    /// Parses glosses, one JSON object per line (<c>code</c>, <c>rat</c>, <c>gloss</c>, <c>terms</c>).
    /// </summary>
    /// <exception cref="FormatException">A line is not a valid gloss; the message names the line and field.</exception>
    public static RoutingGlosses Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var byCode = new Dictionary<string, FeatureGloss>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var gloss = ParseLine(line, number);
            if (!byCode.TryAdd(gloss.Code, gloss)) throw new FormatException($"line {number}: a second gloss for {gloss.Code}");
        }
        return new RoutingGlosses(byCode);
    }

    private static FeatureGloss ParseLine(string line, int number)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string Text(string field) => root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                ? s : throw new FormatException($"line {number}: '{field}' must be a non-empty string");
            var code = FeatureCode.TryParse(Text("code"), out var parsed) ? parsed.Value : throw new FormatException($"line {number}: 'code' is not a FAJ code");
            var rat = Text("rat") switch
            {
                "LTE" => Rat.Lte,
                "NR" => Rat.Nr,
                "LTE+NR" => Rat.LteAndNr,
                "any" => Rat.Any,
                var other => throw new FormatException($"line {number}: 'rat' is '{other}', not one of LTE, NR, LTE+NR, any"),
            };
            if (!root.TryGetProperty("terms", out var terms) || terms.ValueKind != JsonValueKind.Array)
                throw new FormatException($"line {number}: 'terms' must be an array of strings");
            var list = new List<string>();
            foreach (var t in terms.EnumerateArray())
                list.Add(t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new FormatException($"line {number}: 'terms' must hold strings only"));
            return new FeatureGloss(code, rat, Text("gloss"), list);
        }
        catch (JsonException e)
        {
            throw new FormatException($"line {number}: not JSON ({e.Message})", e);
        }
    }

    private static RoutingGlosses LoadEmbedded()
    {
        using var reader = new StreamReader(new MemoryStream(EmbeddedBytes(), writable: false));
        var glosses = Parse(reader);
        glosses._fingerprint = EmbeddedFingerprint;
        return glosses;
    }

    private static byte[] EmbeddedBytes()
    {
        using var stream = typeof(RoutingGlosses).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(RoutingGlosses).Assembly.GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static string ContentFingerprint(IEnumerable<FeatureGloss> glosses)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var g in glosses.OrderBy(g => g.Code, StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes($"{g.Code}\n{g.Rat}\n{g.Gloss}\n{string.Join('\u001f', g.Terms)}\n"));
        return "content:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
