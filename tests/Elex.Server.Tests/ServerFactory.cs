using Elex.Server;
using Elex.Server.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Elex.Server.Tests;

/// <summary>
/// The server in memory on the 53-feature sample catalog (the full one is not what these tests are about), nothing
/// persisted, with a test signing key and one API key per role. Settings are host configuration, so the server reads
/// them while it registers its services, as it reads its command line. (The type argument only names the server's
/// assembly, whose entry point the factory runs; the server's Program stays internal so other programs that reference
/// the server, like the benchmarks, keep their own.)
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<ServerOptions>
{
    public const string SigningKey = "test-signing-key-for-elex-server-tests-0123456789";
    public const string AskerKey = "asker-key", TrainerKey = "trainer-key", OperatorKey = "operator-key";
    public const string Asker = "ann-asker", Trainer = "tom-trainer", Operator = "olga-operator";

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Server:Catalog"] = "Configured",
        ["Elex:StorePath"] = "",
        ["Elex:AutoSync"] = "false",
        ["Server:Auth:SigningKey"] = SigningKey,
        ["Server:Auth:ApiKeys:0:Key"] = AskerKey,
        ["Server:Auth:ApiKeys:0:User"] = Asker,
        ["Server:Auth:ApiKeys:1:Key"] = TrainerKey,
        ["Server:Auth:ApiKeys:1:User"] = Trainer,
        ["Server:Auth:ApiKeys:1:Roles:0"] = Roles.Trainer,
        ["Server:Auth:ApiKeys:2:Key"] = OperatorKey,
        ["Server:Auth:ApiKeys:2:User"] = Operator,
        ["Server:Auth:ApiKeys:2:Roles:0"] = Roles.Operator,
    };

    /// <summary>A server with some settings replaced, e.g. <c>("Server:StreamQueueCapacity", "4")</c>.</summary>
    public static ServerFactory With(params (string Key, string Value)[] overrides)
    {
        var factory = new ServerFactory();
        foreach (var (key, value) in overrides) factory._settings[key] = value;
        return factory;
    }

    public AuthOptions Auth => new() { SigningKey = SigningKey };

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        // Not Development: its appsettings file holds the documented development keys, which must not work here.
        // Static web assets (the dashboard's files, from the build's manifest) are on by default only in Development.
        builder.UseEnvironment("Testing").UseStaticWebAssets();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        return base.CreateHost(builder);
    }
}
