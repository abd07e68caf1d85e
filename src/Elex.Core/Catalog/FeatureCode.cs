using System.Diagnostics.CodeAnalysis;

namespace Elex.Core.Catalog;

/// <summary>
/// An Ericsson feature identity such as <c>FAJ 121 3094</c>. Parsing accepts any case and
/// optional separators (<c>faj1213094</c>, <c>FAJ-121-3094</c>) and always yields the canonical
/// spaced form, so codes compare by value.
/// </summary>
public readonly record struct FeatureCode : IComparable<FeatureCode>
{
    private FeatureCode(string value) => Value = value;

    /// <summary>The canonical form, e.g. <c>FAJ 121 3094</c>.</summary>
    public string Value { get; }

    /// <summary>Parses a feature code, throwing <see cref="FormatException"/> naming the bad text.</summary>
    public static FeatureCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"'{text}' is not a feature code (expected three letters and seven digits, e.g. 'FAJ 121 3094').");

    /// <summary>Parses a feature code; returns false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out FeatureCode code)
    {
        code = default;
        if (text is null) return false;
        Span<char> letters = stackalloc char[3];
        Span<char> digits = stackalloc char[7];
        int l = 0, d = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-' or '_' or '\t') continue;
            if (char.IsAsciiLetter(c) && d == 0 && l < 3) letters[l++] = char.ToUpperInvariant(c);
            else if (char.IsAsciiDigit(c) && l == 3 && d < 7) digits[d++] = c;
            else return false;
        }
        if (l != 3 || d != 7) return false;
        Span<char> canonical = stackalloc char[12];
        letters.CopyTo(canonical);
        canonical[3] = ' ';
        digits[..3].CopyTo(canonical[4..]);
        canonical[7] = ' ';
        digits[3..].CopyTo(canonical[8..]);
        code = new FeatureCode(new string(canonical));
        return true;
    }

    /// <summary>True when this is the default (empty) value.</summary>
    public bool IsEmpty => Value is null;

    /// <inheritdoc />
    public int CompareTo(FeatureCode other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
