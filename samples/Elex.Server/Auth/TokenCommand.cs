namespace Elex.Server.Auth;

/// <summary>
/// <c>dotnet run --project samples/Elex.Server -- token --user alice --roles trainer,operator [--minutes 480]</c>: prints a
/// bearer token signed with the configured <c>Server:Auth:SigningKey</c> (the development key in
/// <c>appsettings.Development.json</c> under <c>dotnet run</c>).
/// </summary>
internal static class TokenCommand
{
    public const string Name = "token";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? user = null;
        var roles = Array.Empty<string>();
        var minutes = 480.0;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--user" when i + 1 < args.Length: user = args[++i]; break;
                case "--roles" when i + 1 < args.Length: roles = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--minutes" when i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0: minutes = m; i++; break;
                default: rest.Add(args[i]); break;
            }
        }
        if (string.IsNullOrWhiteSpace(user))
        {
            error.WriteLine("usage: token --user <name> [--roles trainer,operator] [--minutes 480]");
            return 2;
        }
        var app = ElexServer.CreateBuilder([.. rest]);
        var auth = new ServerOptions();
        app.Configuration.GetSection(ServerOptions.SectionName).Bind(auth);
        if (!auth.Auth.HasSigningKey)
        {
            error.WriteLine($"token: no signing key configured (Server:Auth:SigningKey; environment {app.Environment.EnvironmentName}).");
            return 1;
        }
        output.WriteLine(DevTokens.Mint(auth.Auth, user, roles, TimeSpan.FromMinutes(minutes)));
        return 0;
    }
}
