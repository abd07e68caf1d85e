using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Elex.Server.Auth;

/// <summary>
/// The configured API keys, kept as SHA-256 hashes (once, not per request). A lookup compares every hash in constant
/// time, so how long it takes says nothing about how much of a key was right.
/// </summary>
internal sealed class ApiKeyDirectory(IOptions<ServerOptions> server)
{
    private readonly (byte[] Hash, ApiKeyEntry Entry)[] _keys =
        [.. server.Value.Auth.ApiKeys.Select(k => (SHA256.HashData(Encoding.UTF8.GetBytes(k.Key)), k))];

    public ApiKeyEntry? Find(string presentedKey)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        ApiKeyEntry? match = null;
        foreach (var (hash, entry) in _keys)
            if (CryptographicOperations.FixedTimeEquals(hash, presented)) match = entry;
        return match;
    }
}
