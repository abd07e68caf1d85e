using System.Net;

namespace Elex.SyncRelay;

/// <summary>
/// The sync relay: <c>/sync</c> forwards every binary message from one WebSocket client to all the others,
/// <c>/health</c> reports its counters. Start it in-process with <see cref="StartAsync"/>, or as a program with
/// <see cref="CreateApplication"/>.
/// </summary>
public sealed class RelayServer : IAsyncDisposable
{
    /// <summary>The WebSocket endpoint's path.</summary>
    public const string SyncPath = "/sync";

    /// <summary>The health endpoint's path.</summary>
    public const string HealthPath = "/health";

    /// <summary>Where the program listens when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private readonly WebApplication _app;
    private readonly RelayHub _hub;
    private int _disposed;

    private RelayServer(WebApplication app, RelayHub hub, Uri baseAddress)
    {
        _app = app;
        _hub = hub;
        BaseAddress = baseAddress;
        SyncEndpoint = new UriBuilder(baseAddress) { Scheme = "ws", Path = SyncPath }.Uri;
    }

    /// <summary>The bound HTTP address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The WebSocket address clients connect to, e.g. <c>ws://127.0.0.1:41234/sync</c>.</summary>
    public Uri SyncEndpoint { get; }

    /// <summary>A snapshot of the relay's counters (the same as <c>/health</c>).</summary>
    public RelayStatistics Statistics => _hub.Snapshot();

    /// <summary>Starts a relay on the loopback interface; port 0 picks a free port (see <see cref="BaseAddress"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is out of range.</exception>
    public static async Task<RelayServer> StartAsync(int port = 0, RelayOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RelayOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var hub = new RelayHub(options);
        var app = Build(builder, hub);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            // After start, Urls holds the bound addresses, with the port Kestrel chose for port 0.
            var address = app.Urls.First();
            return new RelayServer(app, hub, new Uri(address));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The relay as a program: addresses from <c>--urls</c> (default <see cref="DefaultUrl"/>, loopback), limits from
    /// the <c>Relay</c> configuration section (e.g. <c>--Relay:MaxMessageBytes=1048576</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A configured limit is out of range.</exception>
    public static WebApplication CreateApplication(string[] args)
    {
        // Content root beside the program, so its appsettings.json applies wherever it is started from.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(DefaultUrl);
        var options = new RelayOptions();
        builder.Configuration.GetSection(RelayOptions.SectionName).Bind(options);
        return Build(builder, new RelayHub(options));
    }

    /// <summary>Closes every client connection (status 1001, "relay shutting down") and stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplication Build(WebApplicationBuilder builder, RelayHub hub)
    {
        hub.Options.Validate();
        var app = builder.Build();
        app.UseWebSockets();
        var stopping = app.Lifetime.ApplicationStopping;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<RelayServer>();
        app.Map(SyncPath, context => Elex.SyncRelay.SyncEndpoint.HandleAsync(context, hub, logger, stopping));
        app.MapGet(HealthPath, context => context.Response.WriteAsJsonAsync(hub.Snapshot(), context.RequestAborted));
        return app;
    }
}
