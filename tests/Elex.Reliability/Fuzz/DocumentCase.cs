namespace Elex.Reliability.Fuzz;

/// <summary>
/// One generated document for a loader: the bytes, what was done to them, and what the outcome
/// must be — <see cref="MustLoad"/> true (loads, with <see cref="MustName"/> in a warning), false
/// (refused, the message naming every fragment of <see cref="MustName"/>), or null (either).
/// </summary>
public sealed record DocumentCase(byte[] Utf8, string Mutation, bool? MustLoad, IReadOnlyList<string> MustName)
{
    /// <summary>The case for failure messages.</summary>
    public override string ToString()
    {
        var text = System.Text.Encoding.UTF8.GetString(Utf8);
        return $"{Mutation} (must {(MustLoad switch { true => "load", false => "fail", null => "load or fail" })}, naming [{string.Join(", ", MustName)}]): {(text.Length <= 400 ? text : text[..400] + "…")}";
    }
}
