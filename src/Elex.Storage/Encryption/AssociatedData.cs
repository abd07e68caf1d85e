using System.Buffers.Binary;
using System.Text;

namespace Elex.Storage.Encryption;

/// <summary>
/// The AES-GCM associated data that binds a ciphertext to where it is stored, so a record moved to
/// another agent, trajectory or store fails authentication instead of decrypting.
/// </summary>
internal static class AssociatedData
{
    /// <summary>
    /// Each part as a 4-byte big-endian UTF-8 length and the bytes; the length prefix keeps
    /// ("ab", "c") and ("a", "bc") from producing the same associated data.
    /// </summary>
    public static byte[] For(params ReadOnlySpan<string> parts)
    {
        var length = 0;
        foreach (var part in parts) length += sizeof(int) + Encoding.UTF8.GetByteCount(part);
        var result = new byte[length];
        var offset = 0;
        foreach (var part in parts)
        {
            var written = Encoding.UTF8.GetBytes(part, result.AsSpan(offset + sizeof(int)));
            BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(offset), written);
            offset += sizeof(int) + written;
        }
        return result;
    }
}
