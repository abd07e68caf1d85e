using System.Net.Http.Headers;
using Elex.Server.Auth;

namespace Elex.Server.Tests;

/// <summary>Who a test request claims to be.</summary>
public sealed record Credentials(string Name, Action<HttpRequestMessage> Apply)
{
    public static readonly Credentials None = new("none", _ => { });

    public static Credentials ApiKey(string key) => new($"api key {key}", request => request.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, key));

    public static Credentials Bearer(string token, string name = "bearer") => new(name, request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));

    /// <summary>A valid token for <paramref name="user"/> with <paramref name="roles"/>, signed with the server's key.</summary>
    public static Credentials Token(ServerFactory factory, string user, params string[] roles) =>
        Bearer(DevTokens.Mint(factory.Auth, user, roles, TimeSpan.FromMinutes(10)), $"token {user} [{string.Join(',', roles)}]");

    public override string ToString() => Name;
}
