using Elex.Server;
using Elex.Server.Auth;

// `token --user alice --roles trainer,operator [--minutes 480]` mints a development token with the configured key.
if (args.Length > 0 && args[0] == TokenCommand.Name) return TokenCommand.Run(args[1..], Console.Out, Console.Error);

await ElexServer.CreateApplication(args).RunAsync();
return 0;

/// <summary>The entry point; public so tests can start the server with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
