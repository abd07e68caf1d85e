using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Elex.Server.Auth;

/// <summary>
/// ASP.NET Core authentication for the server: a request with <c>X-Api-Key</c> is checked as an API key, any other as a
/// JWT bearer token (HMAC-SHA256 with <c>Server:Auth:SigningKey</c>, issuer, audience and lifetime checked). Then the
/// policies: asking needs any authenticated user, rating role trainer, stats and the live streams role operator.
/// Settings are read when the host starts, not when services are registered, so every configuration source applies.
/// </summary>
internal static class ServerAuthentication
{
    private const string SelectorScheme = "ApiKeyOrBearer";

    public static IServiceCollection AddServerAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyDirectory>();
        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or bearer token", policy =>
                policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    || !context.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.Auth.HasSigningKey
                        ? ApiKeyAuthenticationHandler.SchemeName
                        : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<ServerOptions>>((jwt, server) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = ValidationParameters(server.Value.Auth);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AskPolicy, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Roles.TrainPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Trainer))
            .AddPolicy(Roles.OperatePolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Operator))
            // An endpoint that forgets to say is closed, not open.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    public static TokenValidationParameters ValidationParameters(AuthOptions auth) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = auth.Issuer,
        ValidateAudience = true,
        ValidAudience = auth.Audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = auth.ClockSkew,
        ValidateIssuerSigningKey = true,
        // No key configured: tokens are off, and a random key makes sure none validates.
        IssuerSigningKey = new SymmetricSecurityKey(auth.HasSigningKey ? auth.SigningKeyBytes : System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = Roles.NameClaim,
        RoleClaimType = Roles.RoleClaim,
    };
}
