using System.Text.Json.Nodes;
using Elex.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Elex.Hosting.Tests;

/// <summary>Options in code and from configuration: bound, defaulted from SwarmConfig, and validated when the host starts.</summary>
public sealed class ElexSwarmOptionsTests
{
    [Fact]
    public async Task BadOption_FailsStart_NamingTheOption()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.WithSwarm(logs, storePath: null, options => options.MaxAgents = 0);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("Elex:MaxAgents: 0 must be between 1 and 100000.", Assert.Single(error.Failures));
        Assert.False(host.Services.GetRequiredService<IElexSwarmAccessor>().IsRunning);
    }

    [Fact]
    public async Task BadNestedOption_FromConfiguration_FailsStart_NamingItsKeyPath()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(
            logs,
            (services, configuration) => services.AddElexSwarm(configuration.GetSection("Elex")),
            new Dictionary<string, string?> { ["Elex:Persistence:Debounce"] = "00:00:00", ["Elex:AutoSync"] = "false" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("Elex:Persistence:Debounce: must be positive.", Assert.Single(error.Failures));
    }

    [Fact]
    public async Task MissingCatalogFile_FailsStart_NamingCatalogPath()
    {
        using var folder = new TempDirectory("elex-hosting");
        var missing = folder.File("no-such-catalog.json");
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.WithSwarm(logs, storePath: null, options => options.CatalogPath = missing);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal($"Elex:CatalogPath: no catalog file at '{missing}'.", Assert.Single(error.Failures));
    }

    [Fact]
    public async Task EveryBadOption_IsReported_NotOnlyTheFirst()
    {
        using var folder = new TempDirectory("elex-hosting");
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.WithSwarm(logs, storePath: folder.Path, options => options.AbstainBelow = 2f);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Elex:StorePath: ", StringComparison.Ordinal) && f.Contains("is a folder"));
        Assert.Contains("Elex:AbstainBelow: 2 must be between 0 and 1.", error.Failures);
    }

    [Fact]
    public async Task ConfigurationSection_BindsTheOptions_AndTheSwarmRunsWithThem()
    {
        using var folder = new TempDirectory("elex-hosting");
        var catalogFile = folder.File("three-features.json");
        WriteSampleSubset(catalogFile, features: 3);
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(
            logs,
            (services, configuration) => services.AddElexSwarm(configuration.GetSection("Elex")),
            new Dictionary<string, string?>
            {
                ["Elex:CatalogPath"] = catalogFile,
                ["Elex:StorePath"] = folder.File("data/elex.db"),
                ["Elex:MaxAgents"] = "7",
                ["Elex:Topology"] = "Mesh",
                ["Elex:AbstainBelow"] = "0.5",
                ["Elex:AutoSync"] = "false",
                ["Elex:SemanticBatchWindow"] = "00:00:00.005",
                ["Elex:EnableLearning"] = "false",
                ["Elex:Persistence:Debounce"] = "00:00:01",
                ["Elex:Persistence:MaxDelay"] = "00:00:05",
            });

        await host.StartAsync();
        var swarm = host.RunningSwarm();

        Assert.Equal(3, swarm.Catalog.Count);
        Assert.Equal(7, swarm.Config.MaxAgents);
        Assert.Equal(SwarmTopology.Mesh, swarm.Config.Topology);
        Assert.Equal(0.5f, swarm.Config.AbstainBelow);
        Assert.False(swarm.Config.AutoSync);
        Assert.Equal(TimeSpan.FromMilliseconds(5), swarm.Config.SemanticBatchWindow);
        Assert.Null(swarm.Config.Learning);
        Assert.Equal(TimeSpan.FromSeconds(1), swarm.Config.Persistence.Debounce);
        Assert.Equal(TimeSpan.FromSeconds(5), swarm.Config.Persistence.MaxDelay);
        Assert.True(File.Exists(folder.File("data/elex.db")));
        Assert.Equal(folder.File("data/elex.db"), host.Services.GetRequiredService<IElexSwarmAccessor>().StorePath);
        await host.StopAsync();
    }

    [Fact]
    public void Options_Default_ToSwarmConfigsOwnDefaults()
    {
        var defaults = new SwarmConfig();

        var config = new ElexSwarmOptions().ToSwarmConfig();

        Assert.Equal(defaults with { SafeZones = config.SafeZones, Learning = config.Learning, Persistence = config.Persistence }, config);
        Assert.Equal(defaults.Learning, config.Learning);
        Assert.Equal(defaults.Persistence, config.Persistence);
    }

    [Fact]
    public async Task ConfigureSwarm_AppliesLast_AndIsValidatedToo()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.WithSwarm(logs, storePath: null, options =>
        {
            options.MaxAgents = 9;
            options.ConfigureSwarm = config => config with { MetricRetention = 0 };
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("Elex:MetricRetention: 0 must be between 1 and 10000000.", Assert.Single(error.Failures));
    }

    [Fact]
    public async Task AddElexSwarm_CalledTwice_RegistersOneSwarm_WithBothConfigurations()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(logs, (services, _) =>
        {
            services.AddElexSwarm(options => options.MaxAgents = 5);
            services.AddElexSwarm(options => options.AutoSync = false);
        });

        await host.StartAsync();

        Assert.Single(host.Services.GetServices<IHostedService>());
        Assert.Equal(5, host.RunningSwarm().Config.MaxAgents);
        Assert.False(host.RunningSwarm().Config.AutoSync);
        await host.StopAsync();
    }

    // A catalog file of the sample catalog's first features, written the way a user's catalog file is.
    private static void WriteSampleSubset(string path, int features)
    {
        using var resource = typeof(Elex.Core.Catalog.SampleCatalog).Assembly.GetManifestResourceStream("Elex.Core.sample-catalog.json")!;
        var catalog = JsonNode.Parse(resource)!.AsObject();
        var all = catalog["features"]!.AsArray();
        catalog["features"] = new JsonArray(all.Take(features).Select(f => f!.DeepClone()).ToArray());
        catalog.Remove("counts");
        File.WriteAllText(path, catalog.ToJsonString());
    }
}
