using System.Text;
using System.Text.Json;

namespace Elex.Storage.Encryption;

/// <summary>
/// What a passphrase needs to re-derive and check the key, kept in the store's <c>encryption</c>
/// setting. None of it is secret: the salt and count only make guessing slower, and the key check
/// is an AES-GCM seal of a fixed constant that only the right key opens.
/// </summary>
internal sealed record EncryptionMetadata(int Iterations, byte[] Salt, byte[] KeyCheck)
{
    public const string SettingKey = "encryption";
    public const string Format = "aes-256-gcm/1";
    public const string Kdf = "pbkdf2-hmac-sha256";

    // A stored count above this is refused rather than run: a tampered setting must not hang open.
    public const int MaxIterations = 10_000_000;

    private static readonly byte[] KeyCheckPlaintext = "elex-store-key-check/1"u8.ToArray();
    private static readonly byte[] KeyCheckAssociatedData = AssociatedData.For(SettingKey);

    public static EncryptionMetadata Create(RecordCipher cipher, byte[] salt, int iterations) =>
        new(iterations, salt, cipher.Seal(KeyCheckPlaintext, KeyCheckAssociatedData));

    public bool IsKeyOf(RecordCipher cipher) =>
        cipher.Open(KeyCheck, KeyCheckAssociatedData, out _) is { } plaintext && plaintext.AsSpan().SequenceEqual(KeyCheckPlaintext);

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteString("kdf", Kdf);
            writer.WriteNumber("iterations", Iterations);
            writer.WriteBase64String("salt", Salt);
            writer.WriteBase64String("check", KeyCheck);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <exception cref="StoreException">The setting is not metadata this version can use; the message says why.</exception>
    public static EncryptionMetadata Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Unreadable("it is not JSON", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Unreadable("it is not a JSON object");
            var format = String(root, "format");
            if (format != Format)
                throw new StoreException($"This store is encrypted as '{format}', which this version does not know (it knows '{Format}'). Nothing was read or changed.");
            var kdf = String(root, "kdf");
            if (kdf != Kdf) throw Unreadable($"its key derivation '{kdf}' is not '{Kdf}'");
            if (!root.TryGetProperty("iterations", out var count) || count.ValueKind != JsonValueKind.Number || !count.TryGetInt32(out var iterations))
                throw Unreadable("'iterations' is missing or not a whole number");
            if (iterations is < 1 or > MaxIterations) throw Unreadable($"'iterations' is {iterations}, outside 1..{MaxIterations}");
            var salt = Base64(root, "salt");
            if (salt.Length != PassphraseKey.SaltLength) throw Unreadable($"'salt' is {salt.Length} bytes, not {PassphraseKey.SaltLength}");
            return new EncryptionMetadata(iterations, salt, Base64(root, "check"));
        }

        static string String(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw Unreadable($"'{name}' is missing or not a string");

        static byte[] Base64(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var bytes)
                ? bytes
                : throw Unreadable($"'{name}' is missing or not base64");
    }

    private static StoreException Unreadable(string why, Exception? inner = null) =>
        new($"This store's '{SettingKey}' setting cannot be used ({why}). Nothing was read or changed.", inner);
}
