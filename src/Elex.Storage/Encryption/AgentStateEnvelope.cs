using System.Text;
using System.Text.Json;

namespace Elex.Storage.Encryption;

/// <summary>
/// An encrypted agent_state record as JSON, <c>{"enc":"aes-256-gcm/1","data":"&lt;base64&gt;"}</c>,
/// so a store that expects JSON in that column still gets JSON.
/// </summary>
internal static class AgentStateEnvelope
{
    // Built with the reader and writer, not the reflection serializer, which trimmed browser builds disable.
    public static string Wrap(byte[] sealedBytes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("enc", EncryptionMetadata.Format);
            writer.WriteBase64String("data", sealedBytes);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The sealed bytes, or null with the reason when the JSON is not an envelope of this format.</summary>
    public static byte[]? Unwrap(string json, out string? failure)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("enc", out var enc) && enc.ValueKind == JsonValueKind.String
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
            {
                if (enc.GetString() != EncryptionMetadata.Format)
                {
                    failure = $"is encrypted as '{enc.GetString()}', not '{EncryptionMetadata.Format}'";
                    return null;
                }
                if (data.TryGetBytesFromBase64(out var bytes))
                {
                    failure = null;
                    return bytes;
                }
                failure = "has an envelope whose data is not base64";
                return null;
            }
        }
        catch (JsonException)
        {
            failure = "is not JSON";
            return null;
        }
        failure = "is not an encrypted envelope (was it written without the passphrase?)";
        return null;
    }
}
