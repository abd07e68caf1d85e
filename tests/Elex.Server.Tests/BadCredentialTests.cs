using System.Text;
using Elex.Server.Auth;

namespace Elex.Server.Tests;

/// <summary>Forged, expired and otherwise wrong credentials are refused with 401 on every protected endpoint, even with role operator.</summary>
public sealed class BadCredentialTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly string[] AllRoles = [Roles.Trainer, Roles.Operator];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoint.Protected)
            foreach (var kind in new[] { "forged", "expired", "not-yet-valid", "wrong-issuer", "wrong-audience", "unsigned", "garbage", "unknown-api-key", "development-api-key" })
                data.Add(endpoint.Path, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_BadCredential_IsUnauthorized(string path, string kind)
    {
        using var client = server.CreateClient();
        using var response = await Endpoint.Named(path).SendAsync(client, Bad(kind));

        await response.AssertProblemAsync(401);
    }

    [Fact]
    public async Task Health_ExpiredToken_StillAnswers()
    {
        using var client = server.CreateClient();
        using var response = await Endpoint.Health.SendAsync(client, Bad("expired"));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task ExpiredToken_SaysWhy()
    {
        using var client = server.CreateClient();
        using var response = await Endpoint.Stats.SendAsync(client, Bad("expired"));

        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("expired", response.Headers.WwwAuthenticate.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private Credentials Bad(string kind)
    {
        var auth = server.Auth;
        var hour = TimeSpan.FromHours(1);
        return kind switch
        {
            "forged" => Credentials.Bearer(DevTokens.Mint(auth, "mallory", AllRoles, hour, signingKey: Encoding.UTF8.GetBytes("another-key-that-is-long-enough-0123456789"))),
            // Ended two hours ago: far past the 30 s clock skew allowed.
            "expired" => Credentials.Bearer(DevTokens.Mint(auth, "mallory", AllRoles, hour, notBefore: DateTime.UtcNow.AddHours(-3))),
            "not-yet-valid" => Credentials.Bearer(DevTokens.Mint(auth, "mallory", AllRoles, hour, notBefore: DateTime.UtcNow.AddHours(1))),
            "wrong-issuer" => Credentials.Bearer(DevTokens.Mint(new AuthOptions { SigningKey = ServerFactory.SigningKey, Issuer = "someone-else" }, "mallory", AllRoles, hour)),
            "wrong-audience" => Credentials.Bearer(DevTokens.Mint(new AuthOptions { SigningKey = ServerFactory.SigningKey, Audience = "other-service" }, "mallory", AllRoles, hour)),
            "unsigned" => Credentials.Bearer(Unsigned(auth)),
            "garbage" => Credentials.Bearer("not.a.token"),
            "unknown-api-key" => Credentials.ApiKey("operator-key-guess"),
            // appsettings.Development.json's documented key: only the Development environment takes it.
            "development-api-key" => Credentials.ApiKey("dev-operator-key"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>A token with <c>"alg": "none"</c> and the right claims: accepted only by a server that forgets to require a signature.</summary>
    private static string Unsigned(AuthOptions auth)
    {
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Part("""{"alg":"none","typ":"JWT"}""") + "." +
            Part($$"""{"name":"mallory","role":["trainer","operator"],"iss":"{{auth.Issuer}}","aud":"{{auth.Audience}}","exp":{{exp}}}""") + ".";
    }
}
