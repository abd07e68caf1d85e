using Elex.Hosting;
using Elex.OpenTelemetry;
using Elex.Server.Auth;
using Elex.Server.Endpoints;
using Elex.Server.Feedback;
using Elex.Server.Http;
using Elex.Server.Streaming;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Elex.Server;

/// <summary>
/// The team server's composition root: the hosted swarm (<c>Elex</c> section), the server's own settings
/// (<c>Server</c> section), authentication, limits, problem details, the live feeds and the endpoints.
/// </summary>
public static class ElexServer
{
    /// <summary>A builder with every service registered; tests and benchmarks add their settings to <paramref name="args"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The server's own name, whichever process hosts it (a benchmark, a test host): the dashboard's static
            // asset manifest is found by it.
            ApplicationName = typeof(ElexServer).Assembly.GetName().Name,
            // appsettings.json sits beside the binary, so `dotnet run --project samples/Elex.Server` finds it from
            // any folder; a host that names its own content root (a test factory) keeps it.
            ContentRootPath = NamesContentRoot(args) ? null : AppContext.BaseDirectory,
        });
        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    /// <summary>The server, built and mapped, ready to run.</summary>
    public static WebApplication CreateApplication(string[] args) => Build(CreateBuilder(args));

    /// <summary>Builds <paramref name="builder"/> and maps the middleware and endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseDashboardPage();
        app.UseRouting();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        if (app.Environment.IsDevelopment()) app.UseWebAssemblyDebugging();
        app.MapServerEndpoints();
        app.MapDashboard();
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServerOptions>()
            .Bind(configuration.GetSection(ServerOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddElexSwarm(configuration.GetSection(ElexSwarmOptions.SectionName));
        // Read before the host is built: the catalog decides which services exist.
        if (configuration.GetValue(ServerOptions.SectionName + ":" + nameof(ServerOptions.Catalog), CatalogChoice.Embedded) == CatalogChoice.Embedded)
            services.AddElexEmbeddedCatalog(configuration.GetSection(ElexSwarmOptions.SectionName + ":EmbeddedCatalog"));

        services.AddProblemDetails(ProblemResponses.Customize);
        services.AddServerAuthentication();
        services.AddClientRateLimiting();
        services.ConfigureHttpJsonOptions(json => Json.Configure(json.SerializerOptions));

        services.AddSingleton<SwarmFeeds>();
        services.AddHostedService(provider => provider.GetRequiredService<SwarmFeeds>());
        services.AddSingleton<FeedbackLedger>();
        services.AddSingleton<ServerCounters>();

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("elex-server"))
            .WithMetrics(metrics => metrics.AddElexInstrumentation().AddPrometheusExporter());
    }

    private static bool NamesContentRoot(string[] args) =>
        args.Any(arg => arg.Contains("contentRoot", StringComparison.OrdinalIgnoreCase));
}
