using System.IO.Compression;

namespace Elex.Benchmarks.StaticVectors;

/// <summary>Compressed sizes, as a web server would send a file.</summary>
public static class Compressed
{
    public static long Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bytes);
        return buffer.Length;
    }

    public static long Brotli(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) brotli.Write(bytes);
        return buffer.Length;
    }
}
