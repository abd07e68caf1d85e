namespace Elex.Cli.Chat;

/// <summary>Where the chat's lines come from: a terminal with line editing, or redirected input.</summary>
internal interface ILineReader
{
    /// <summary>True when a person types at a terminal (and sees the prompt and what they typed).</summary>
    bool IsInteractive { get; }

    /// <summary>The next line, or null at the end of input.</summary>
    Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken);
}
