namespace Elex.Cli.Chat;

/// <summary>Lines from redirected standard input (a file, a pipe, a test): no prompt, no editing, so a chat can be scripted.</summary>
internal sealed class RedirectedLineReader(TextReader input) : ILineReader
{
    public bool IsInteractive => false;

    public async Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken) =>
        await input.ReadLineAsync(cancellationToken);
}
