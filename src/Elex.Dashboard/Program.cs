using Elex.Dashboard;
using Elex.Dashboard.Services;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.Extensions.DependencyInjection;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<DashboardRoot>("#dashboard");
builder.Services.AddSingleton(new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddSingleton<DashboardSwarm>();
builder.Services.AddSingleton<ServerSwarmClient>();
await builder.Build().RunAsync();
