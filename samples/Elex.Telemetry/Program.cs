// The Elex swarm in the .NET generic host, with OpenTelemetry exporting to the console:
//
//   dotnet run --project samples/Elex.Telemetry
//   dotnet run --project samples/Elex.Telemetry -- "what is MSM?" --Elex:StorePath=elex-data/elex.db
//
// Each question prints its answer, then its trace (an elex.query span with a child span per pipeline
// stage); the swarm's metrics print when the host stops. Options come from appsettings.json's "Elex"
// section (and the command line, --Elex:Key=value). A server would export the same metrics to
// Prometheus instead of the console: OpenTelemetry.Exporter.Prometheus.AspNetCore's
// .AddPrometheusExporter() on the meter provider and app.MapPrometheusScrapingEndpoint() ("/metrics").
using Elex.Hosting;
using Elex.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

string[] defaultQuestions =
[
    "Which counters show MSM is working?",
    "what are the prerequisites of MIMO Sleep Mode?",
    "set sleepMode to 2 on cell X",
];

var questions = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Services.AddElexSwarm(builder.Configuration.GetSection(ElexSwarmOptions.SectionName));
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("elex-telemetry-sample"))
    .WithTracing(tracing => tracing.AddElexInstrumentation().AddConsoleExporter())
    .WithMetrics(metrics => metrics.AddElexInstrumentation().AddConsoleExporter());

using var host = builder.Build();
await host.StartAsync();
var swarm = host.Services.GetRequiredService<IElexSwarmAccessor>().Swarm;
foreach (var question in questions.Length > 0 ? questions : defaultQuestions)
{
    var answer = await swarm.QueryAsync(question);
    Console.WriteLine($"\n> {question}\n{answer.Status} · {answer.FeatureName ?? "no feature"} · confidence {answer.Confidence:0.00}\n");
}
await host.StopAsync();
