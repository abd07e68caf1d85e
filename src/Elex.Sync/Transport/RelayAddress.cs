using System.Diagnostics.CodeAnalysis;

namespace Elex.Sync.Transport;

/// <summary>
/// The address of a sync relay as people type it (a command-line option, a page's configuration): an
/// absolute <c>ws://</c> or <c>wss://</c> URL, checked before anything connects so the mistake is named
/// where it was made.
/// </summary>
public static class RelayAddress
{
    /// <summary>The address shown in messages as an example (the relay's default).</summary>
    public const string Example = "ws://127.0.0.1:5080/sync";

    /// <summary>
    /// Reads <paramref name="text"/> as a relay address. On failure <paramref name="problem"/> completes a
    /// sentence whose subject is the field, e.g. <c>must be a ws:// or wss:// URL such as …; got 'x'</c>.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? endpoint, [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"is required: a ws:// or wss:// URL such as {Example}";
            return false;
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeWs && uri.Scheme != Uri.UriSchemeWss))
        {
            problem = $"must be a ws:// or wss:// URL such as {Example}; got '{text}'";
            return false;
        }
        endpoint = uri;
        problem = null;
        return true;
    }
}
