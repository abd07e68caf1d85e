using System.Text;

namespace Elex.Server;

/// <summary>How clients authenticate: JWT bearer tokens signed with a symmetric key, API keys, or both.</summary>
public sealed class AuthOptions
{
    /// <summary>The tokens' issuer (<c>iss</c>), checked.</summary>
    public string Issuer { get; set; } = "elex-server";

    /// <summary>The tokens' audience (<c>aud</c>), checked.</summary>
    public string Audience { get; set; } = "elex";

    /// <summary>The HMAC-SHA256 signing key (at least 32 bytes of UTF-8); empty turns bearer tokens off.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Tolerated clock difference when checking a token's lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>API keys (header <c>X-Api-Key</c>), each with the user it stands for and that user's roles.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    internal bool HasSigningKey => !string.IsNullOrEmpty(SigningKey);

    internal byte[] SigningKeyBytes => Encoding.UTF8.GetBytes(SigningKey);

    internal void Validate()
    {
        if (HasSigningKey && SigningKeyBytes.Length < 32)
            throw ServerOptions.Bad("Auth:SigningKey", $"is {SigningKeyBytes.Length} bytes; HMAC-SHA256 needs at least 32.");
        if (!HasSigningKey && ApiKeys.Count == 0)
            throw ServerOptions.Bad("Auth", "no way to authenticate: set Auth:SigningKey (bearer tokens) or Auth:ApiKeys.");
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ApiKeys[i].Key) || string.IsNullOrWhiteSpace(ApiKeys[i].User))
                throw ServerOptions.Bad($"Auth:ApiKeys:{i}", "needs a Key and a User.");
        }
        if (ApiKeys.Select(k => k.Key).Distinct(StringComparer.Ordinal).Count() != ApiKeys.Count)
            throw ServerOptions.Bad("Auth:ApiKeys", "the same key is given twice.");
    }
}

/// <summary>One API key and who it authenticates.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>The secret sent in <c>X-Api-Key</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The user name requests with this key act as (what feedback is attributed to).</summary>
    public string User { get; set; } = "";

    /// <summary>The user's roles: <c>trainer</c> may rate answers, <c>operator</c> may read stats and the telemetry streams.</summary>
    public List<string> Roles { get; set; } = [];
}
