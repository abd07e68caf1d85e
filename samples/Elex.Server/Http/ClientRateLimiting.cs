using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Elex.Server.Http;

/// <summary>
/// ASP.NET Core's rate limiter, one fixed window per client: the authenticated user (so one user's many connections
/// share a budget), else the remote address. Over the budget: 429 with <c>Retry-After</c> and a problem body.
/// </summary>
internal static class ClientRateLimiting
{
    public const string PolicyName = "per-client";

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.RateLimit;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitsPerWindow,
                    Window = limit.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                context.RequestServices.GetRequiredService<ServerCounters>().CountRateLimited();
                var detail = "Too many requests from this client; try again later.";
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    detail = $"Too many requests from this client; try again in {retryAfter.TotalSeconds:0} s.";
                }
                await ProblemResponses.Write(context, StatusCodes.Status429TooManyRequests, "Rate limit reached", detail).ConfigureAwait(false);
            };
        });
        return services;
    }

    private static string ClientKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } user }
            ? "user:" + user
            : "ip:" + context.Connection.RemoteIpAddress;
}
