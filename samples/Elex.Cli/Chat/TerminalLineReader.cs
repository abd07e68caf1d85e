namespace Elex.Cli.Chat;

/// <summary>
/// Reads a line at a terminal key by key (<see cref="Console.ReadKey(bool)"/>) through a
/// <see cref="LineEditor"/>, redrawing the line after every key with ANSI cursor movements relative to
/// where it starts, so editing works on lines longer than the terminal is wide and at the bottom of
/// the screen. The history lives as long as the chat.
/// </summary>
internal sealed class TerminalLineReader(TextWriter terminal) : ILineReader
{
    private const string Escape = "\u001b[";

    private readonly LineEditor _editor = new();
    // The row of the cursor, counted from the line's first row, after the last redraw.
    private int _cursorRow;

    public bool IsInteractive => true;

    public Task<string?> ReadLineAsync(string prompt, CancellationToken cancellationToken)
    {
        _editor.Begin();
        _cursorRow = 0;
        // Ctrl+C clears the line (or ends the chat) instead of killing the process mid-answer.
        var controlCWasInput = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            Redraw(prompt, _editor.Cursor);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var edit = _editor.Apply(Console.ReadKey(intercept: true));
                if (edit == LineEdit.Continue)
                {
                    Redraw(prompt, _editor.Cursor);
                    continue;
                }
                Redraw(prompt, _editor.Text.Length);
                terminal.WriteLine();
                terminal.Flush();
                if (edit == LineEdit.EndOfInput) return Task.FromResult<string?>(null);
                _editor.Remember(_editor.Text);
                return Task.FromResult<string?>(_editor.Text);
            }
        }
        finally
        {
            Console.TreatControlCAsInput = controlCWasInput;
        }
    }

    private void Redraw(string prompt, int cursor)
    {
        var width = TerminalWidth();
        var text = _editor.Text;
        if (_cursorRow > 0) terminal.Write($"{Escape}{_cursorRow}A");
        terminal.Write($"\r{Escape}J{prompt}{text}");
        var end = prompt.Length + text.Length;
        // A line that exactly fills its last row leaves the cursor in the terminal's pending-wrap state; wrap it explicitly.
        if (end > 0 && end % width == 0) terminal.Write("\r\n");
        var target = prompt.Length + cursor;
        var up = end / width - target / width;
        if (up > 0) terminal.Write($"{Escape}{up}A");
        terminal.Write('\r');
        if (target % width > 0) terminal.Write($"{Escape}{target % width}C");
        terminal.Flush();
        _cursorRow = target / width;
    }

    // A terminal that does not report its size (0) is taken to be the classic 80 columns.
    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
