using Elex.Dashboard;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<DashboardRoot>("#dashboard");
await builder.Build().RunAsync();
