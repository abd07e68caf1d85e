using System.Runtime.InteropServices;
using System.Text;

namespace Elex.Core.Routing.Snapshots;

/// <summary>
/// Writes a snapshot body: numbers little-endian, float arrays as raw bits (a loaded router must
/// score exactly as the one written), and strings as indexes into one table written ahead of the
/// body, because the same terms and names recur across the catalog and every index.
/// </summary>
internal sealed class SnapshotWriter
{
    private readonly MemoryStream _body = new();
    private readonly BinaryWriter _writer;
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly List<string> _table = [];

    public SnapshotWriter() => _writer = new BinaryWriter(_body, Encoding.UTF8, leaveOpen: true);

    public void Int(int value) => _writer.Write7BitEncodedInt(value);

    public void Float(float value) => _writer.Write(value);

    public void Byte(byte value) => _writer.Write(value);

    /// <summary>A string, or null (index 0 is null; the table starts at 1).</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Int(0);
            return;
        }
        if (!_strings.TryGetValue(value, out var index))
        {
            _table.Add(value);
            _strings[value] = index = _table.Count;
        }
        Int(index);
    }

    public void Strings(IReadOnlyCollection<string> values)
    {
        Int(values.Count);
        foreach (var value in values) String(value);
    }

    public void Ints(ReadOnlySpan<int> values)
    {
        Int(values.Length);
        foreach (var value in values) Int(value);
    }

    public void Floats(ReadOnlySpan<float> values)
    {
        Int(values.Length);
        _writer.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>The string table, then the body.</summary>
    public byte[] ToArray()
    {
        _writer.Flush();
        using var all = new MemoryStream((int)_body.Length + _table.Count * 16);
        using (var head = new BinaryWriter(all, Encoding.UTF8, leaveOpen: true))
        {
            head.Write7BitEncodedInt(_table.Count);
            foreach (var s in _table) head.Write(s);
        }
        _body.Position = 0;
        _body.CopyTo(all);
        return all.ToArray();
    }
}
