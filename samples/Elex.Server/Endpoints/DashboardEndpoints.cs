using Microsoft.AspNetCore.Rewrite;

namespace Elex.Server.Endpoints;

/// <summary>
/// The dashboard (src/Elex.Dashboard) as static files: its page at <c>/</c>, the runtime, assemblies, scripts and styles
/// beside it, from the static assets manifest the build writes. They are public app code, so anyone may fetch them; what
/// the dashboard then asks of the server goes to the API endpoints with the user's key, and their authorization is
/// unchanged. There is no catch-all route (the dashboard has a single page), so a route that does not exist still
/// answers 401 without credentials.
/// </summary>
internal static class DashboardEndpoints
{
    /// <summary>Before routing: <c>/</c> is the dashboard's page.</summary>
    public static void UseDashboardPage(this WebApplication app) =>
        app.UseRewriter(new RewriteOptions().AddRewrite("^$", "index.html", skipRemainingRules: true));

    public static void MapDashboard(this WebApplication app) => app.MapStaticAssets().AllowAnonymous();
}
