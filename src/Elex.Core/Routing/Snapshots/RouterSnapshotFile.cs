using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Elex.Core.Routing.Snapshots;

/// <summary>
/// The snapshot file: a header — magic, format version, key (<see cref="RouterSnapshotKey"/>), payload length, payload SHA-256 — then
/// the payload. Reading checks all of them before a byte of the payload is used, so a snapshot of
/// another build, catalog or option set is stale and a truncated or damaged one is corrupt, never
/// read. Written to a temporary file and renamed over the old one, so a reader sees the old file or
/// the new one, never half of one.
/// </summary>
internal static class RouterSnapshotFile
{
    private const uint Magic = 0x5252_4C45; // "ELRR"
    private const int HeaderBytes = 4 + 4 + RouterSnapshotKey.Bytes + 8 + 32;
    private const int LengthAt = 8 + RouterSnapshotKey.Bytes;
    private const int HashAt = LengthAt + 8;

    /// <summary>Why a snapshot file cannot be used.</summary>
    public sealed class Unusable(string reason, bool stale) : Exception(reason)
    {
        /// <summary>True when the file is intact but was made from something else; false when it is damaged.</summary>
        public bool Stale { get; } = stale;
    }

    /// <summary>The payload of the snapshot at <paramref name="path"/>, or null when there is none.</summary>
    /// <exception cref="Unusable">The file is stale or corrupt.</exception>
    public static ArraySegment<byte>? Read(string path, RouterSnapshotKey key)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Unusable($"cannot be read: {e.Message}", stale: false);
        }
        if (bytes.Length < HeaderBytes) throw new Unusable($"is truncated ({bytes.Length} bytes)", stale: false);
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic) throw new Unusable("is not a router snapshot", stale: false);
        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        if (version != RouterSnapshot.FormatVersion) throw new Unusable($"has format version {version}, this elex reads {RouterSnapshot.FormatVersion}", stale: true);
        if (key.Mismatch(bytes.AsSpan(8, RouterSnapshotKey.Bytes)) is { } stale) throw new Unusable(stale, stale: true);
        var length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(LengthAt));
        if (length != bytes.Length - HeaderBytes) throw new Unusable($"is truncated ({bytes.Length - HeaderBytes} of {length} payload bytes)", stale: false);
        var payload = bytes.AsSpan(HeaderBytes);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(HashAt, 32))) throw new Unusable("is damaged (its payload does not match its hash)", stale: false);
        return new ArraySegment<byte>(bytes, HeaderBytes, bytes.Length - HeaderBytes);
    }

    /// <summary>Writes the snapshot atomically (temporary file, then rename).</summary>
    public static void Write(string path, RouterSnapshotKey key, ReadOnlySpan<byte> payload)
    {
        var header = new byte[HeaderBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), RouterSnapshot.FormatVersion);
        key.WriteTo(header.AsSpan(8, RouterSnapshotKey.Bytes));
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(LengthAt), payload.Length);
        SHA256.HashData(payload, header.AsSpan(HashAt, 32));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Unique per process, so two runs writing at once never share a temporary file.
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(header);
                file.Write(payload);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
