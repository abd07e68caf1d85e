using System.Text;

namespace Elex.Cli.Chat;

/// <summary>What a key did to the line being edited.</summary>
internal enum LineEdit
{
    /// <summary>The line changed (or not); keep reading keys.</summary>
    Continue,
    /// <summary>Enter: the line is complete.</summary>
    Submit,
    /// <summary>Ctrl+D or Ctrl+C on an empty line: no more input.</summary>
    EndOfInput,
}

/// <summary>
/// The editing state of one terminal line, apart from the terminal so it can be tested: the text, the
/// cursor, and the session's earlier lines to recall. Left/Right, Home/End (Ctrl+A/E) move; Backspace,
/// Delete, Ctrl+U/K/W delete; Up/Down walk the history (the unfinished line is kept as the newest
/// entry); Esc clears; Ctrl+C clears a line or, on an empty one, ends input like Ctrl+D.
/// </summary>
internal sealed class LineEditor
{
    private readonly List<string> _history = [];
    private readonly StringBuilder _text = new();
    private int _historyIndex;
    private string _draft = "";

    /// <summary>The line as edited so far.</summary>
    public string Text => _text.ToString();

    /// <summary>The cursor's position in <see cref="Text"/> (0 = before the first character).</summary>
    public int Cursor { get; private set; }

    /// <summary>Earlier lines, oldest first.</summary>
    public IReadOnlyList<string> History => _history;

    /// <summary>Starts a new, empty line; Up will recall the most recent earlier one.</summary>
    public void Begin()
    {
        _text.Clear();
        Cursor = 0;
        _historyIndex = _history.Count;
        _draft = "";
    }

    /// <summary>Adds a submitted line to the history (blank lines and repeats of the last one are not kept).</summary>
    public void Remember(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (string.IsNullOrWhiteSpace(line) || (_history.Count > 0 && _history[^1] == line)) return;
        _history.Add(line);
    }

    /// <summary>Applies one key press.</summary>
    public LineEdit Apply(ConsoleKeyInfo key)
    {
        var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
        switch (key.Key)
        {
            case ConsoleKey.Enter:
                return LineEdit.Submit;
            case ConsoleKey.D when control:
                if (_text.Length == 0) return LineEdit.EndOfInput;
                DeleteForward();
                return LineEdit.Continue;
            case ConsoleKey.C when control:
                if (_text.Length == 0) return LineEdit.EndOfInput;
                Replace("");
                return LineEdit.Continue;
            case ConsoleKey.LeftArrow:
                Cursor = Math.Max(0, Cursor - 1);
                break;
            case ConsoleKey.RightArrow:
                Cursor = Math.Min(_text.Length, Cursor + 1);
                break;
            case ConsoleKey.Home:
            case ConsoleKey.A when control:
                Cursor = 0;
                break;
            case ConsoleKey.End:
            case ConsoleKey.E when control:
                Cursor = _text.Length;
                break;
            case ConsoleKey.Backspace:
                if (Cursor > 0) _text.Remove(--Cursor, 1);
                break;
            case ConsoleKey.Delete:
                DeleteForward();
                break;
            case ConsoleKey.U when control:
                _text.Remove(0, Cursor);
                Cursor = 0;
                break;
            case ConsoleKey.K when control:
                _text.Remove(Cursor, _text.Length - Cursor);
                break;
            case ConsoleKey.W when control:
                DeleteWordBack();
                break;
            case ConsoleKey.Escape:
                Replace("");
                break;
            case ConsoleKey.UpArrow:
                Recall(_historyIndex - 1);
                break;
            case ConsoleKey.DownArrow:
                Recall(_historyIndex + 1);
                break;
            default:
                if (!control && key.KeyChar >= ' ' && key.KeyChar != '\u007f') _text.Insert(Cursor++, key.KeyChar);
                break;
        }
        return LineEdit.Continue;
    }

    private void DeleteForward()
    {
        if (Cursor < _text.Length) _text.Remove(Cursor, 1);
    }

    private void DeleteWordBack()
    {
        var start = Cursor;
        while (start > 0 && _text[start - 1] == ' ') start--;
        while (start > 0 && _text[start - 1] != ' ') start--;
        _text.Remove(start, Cursor - start);
        Cursor = start;
    }

    // Index _history.Count stands for the line being written before Up was pressed.
    private void Recall(int index)
    {
        if (index < 0 || index > _history.Count || index == _historyIndex) return;
        if (_historyIndex == _history.Count) _draft = _text.ToString();
        _historyIndex = index;
        Replace(index == _history.Count ? _draft : _history[index]);
    }

    private void Replace(string text)
    {
        _text.Clear().Append(text);
        Cursor = text.Length;
    }
}
