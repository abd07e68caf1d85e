namespace Elex.Sync;

/// <summary>Base64 decoding that reports failure as null, so parsers can word their own message.</summary>
internal static class Base64
{
    public static byte[]? Decode(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
