using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Elex.Server.Auth;

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header against <c>Server:Auth:ApiKeys</c>. Keys are compared by their
/// SHA-256 in constant time, so how long a lookup takes says nothing about how much of a key was right.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<ServerOptions> server)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    private readonly (byte[] Hash, ApiKeyEntry Entry)[] _keys =
        [.. server.Value.Auth.ApiKeys.Select(k => (SHA256.HashData(Encoding.UTF8.GetBytes(k.Key)), k))];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values)) return Task.FromResult(AuthenticateResult.NoResult());
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values.ToString()));
        ApiKeyEntry? match = null;
        foreach (var (hash, entry) in _keys)
            if (CryptographicOperations.FixedTimeEquals(hash, presented)) match = entry;
        if (match is null) return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        var claims = new List<Claim> { new(Roles.NameClaim, match.User) };
        claims.AddRange(match.Roles.Select(role => new Claim(Roles.RoleClaim, role)));
        var identity = new ClaimsIdentity(claims, SchemeName, Roles.NameClaim, Roles.RoleClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        return Task.CompletedTask;
    }
}
