using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Elex.Server.Auth;

/// <summary>Mints bearer tokens the server accepts, signed with its configured key: for local use and tests.</summary>
internal static class DevTokens
{
    /// <summary>A token for <paramref name="user"/> with <paramref name="roles"/>, valid from <paramref name="notBefore"/> for <paramref name="lifetime"/>.</summary>
    public static string Mint(AuthOptions auth, string user, IEnumerable<string> roles, TimeSpan lifetime, DateTime? notBefore = null, byte[]? signingKey = null)
    {
        var start = notBefore ?? DateTime.UtcNow;
        var claims = new List<Claim> { new(Roles.NameClaim, user), new("sub", user) };
        claims.AddRange(roles.Select(role => new Claim(Roles.RoleClaim, role)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = start,
            NotBefore = start,
            Expires = start + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? auth.SigningKeyBytes), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
