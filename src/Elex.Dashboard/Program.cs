using Elex.Browser.IndexedDb;
using Elex.Dashboard;
using Elex.Dashboard.JsApi;
using Elex.Dashboard.Services;
using Elex.Storage;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<DashboardRoot>("#dashboard");
builder.Services.AddSingleton<DashboardSwarm>();
var host = builder.Build();

// Before anything awaits: elex.js may call the exports as soon as the runtime has started.
var js = host.Services.GetRequiredService<IJSRuntime>();
if (OperatingSystem.IsBrowser()) ElexExports.OpenStore = async name => await IndexedDbAgentStore.OpenAsync(js, name).ConfigureAwait(true);

await host.RunAsync();
