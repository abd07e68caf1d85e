using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Elex.Streams.Persistence;

/// <summary>
/// A reusable UTF-8 buffer that JSON values are appended to, each written the way System.Text.Json's
/// serializer writes it (shortest round-trip numbers, ISO 8601 dates with the fraction trimmed, the
/// default encoder's escaping), without its writer's per-token state and validation: in interpreted
/// WebAssembly that bookkeeping cost more than the bytes. Not thread-safe; one per writer.
/// </summary>
internal sealed class Utf8JsonScratch
{
    private byte[] _buffer = new byte[2048];
    private int _length;
    private readonly (int Bits, byte[]? Bytes)[] _floats = new (int, byte[]?)[64];

    /// <summary>What has been written since <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Starts over, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>Bytes that are already JSON (punctuation, property names).</summary>
    public void Raw(ReadOnlySpan<byte> json)
    {
        json.CopyTo(Reserve(json.Length));
        _length += json.Length;
    }

    /// <summary>A quoted string; characters the default encoder escapes take its slow path.</summary>
    public void String(string value)
    {
        if (!IsPlain(value))
        {
            Raw("\""u8);
            Raw(JsonEncodedText.Encode(value, JavaScriptEncoder.Default).EncodedUtf8Bytes);
            Raw("\""u8);
            return;
        }
        var span = Reserve(value.Length + 2);
        span[0] = (byte)'"';
        for (var i = 0; i < value.Length; i++) span[i + 1] = (byte)value[i];
        span[value.Length + 1] = (byte)'"';
        _length += value.Length + 2;
    }

    /// <summary>An integer.</summary>
    public void Number(long value) => Formatted(value, 20);

    /// <summary>A double, shortest round-trip form.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite, which JSON cannot hold (the serializer refuses it too).</exception>
    public void Number(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"{value} cannot be written as a JSON number.", nameof(value));
        Formatted(value, 32);
    }

    /// <summary>A float, shortest round-trip form.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public void Number(float value)
    {
        if (!float.IsFinite(value)) throw new ArgumentException($"{value} cannot be written as a JSON number.", nameof(value));
        // Floats here are rewards and ε, a handful of distinct values across all agents, and finding
        // the shortest form is the costliest thing this writer does when interpreted: remember them.
        var bits = BitConverter.SingleToInt32Bits(value);
        ref var cached = ref _floats[(int)((uint)(bits ^ (bits >> 16)) % (uint)_floats.Length)];
        if (cached.Bytes is null || cached.Bits != bits)
        {
            var start = _length;
            Formatted(value, 32);
            cached = (bits, _buffer.AsSpan(start, _length - start).ToArray());
            return;
        }
        Raw(cached.Bytes);
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public void Bool(bool value) => Raw(value ? "true"u8 : "false"u8);

    /// <summary>A quoted ISO 8601 date with offset; trailing zeros of the fraction (and an all-zero fraction) left out.</summary>
    public void Date(DateTimeOffset value)
    {
        // "O" is yyyy-MM-ddTHH:mm:ss.fffffffzzz: 27 characters before the offset.
        const int FractionStart = 20, FractionDigits = 7;
        Span<byte> text = stackalloc byte[40];
        if (!value.TryFormat(text, out var written, "O", CultureInfo.InvariantCulture))
            throw new FormatException($"{value} does not fit in an ISO 8601 date");
        var keep = FractionDigits;
        while (keep > 0 && text[FractionStart + keep - 1] == (byte)'0') keep--;
        var dateEnd = keep == 0 ? FractionStart - 1 : FractionStart + keep;
        var offset = text[(FractionStart + FractionDigits)..written];
        Raw("\""u8);
        Raw(text[..dateEnd]);
        Raw(offset);
        Raw("\""u8);
    }

    private void Formatted<T>(T value, int maxLength) where T : IUtf8SpanFormattable
    {
        if (!value.TryFormat(Reserve(maxLength), out var written, default, CultureInfo.InvariantCulture))
            throw new FormatException($"{value} does not fit in {maxLength} bytes");
        _length += written;
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        return _buffer.AsSpan(_length, count);
    }

    // Printable ASCII the default encoder leaves alone (it escapes HTML-sensitive characters too).
    private static bool IsPlain(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' or '"' or '\\' or '&' or '\'' or '<' or '>' or '+' or '`') return false;
        }
        return true;
    }
}
