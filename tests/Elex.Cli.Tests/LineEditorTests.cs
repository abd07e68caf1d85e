using Elex.Cli.Chat;

namespace Elex.Cli.Tests;

/// <summary>The chat's line editing, key by key, without a terminal.</summary>
public class LineEditorTests
{
    private static ConsoleKeyInfo Key(ConsoleKey key, bool control = false) => new('\0', key, shift: false, alt: false, control);

    private static ConsoleKeyInfo Char(char c) => new(c, ConsoleKey.NoName, shift: false, alt: false, control: false);

    private static LineEdit Type(LineEditor editor, string text)
    {
        var last = LineEdit.Continue;
        foreach (var c in text) last = editor.Apply(Char(c));
        return last;
    }

    private static LineEditor Editing(string text)
    {
        var editor = new LineEditor();
        editor.Begin();
        Type(editor, text);
        return editor;
    }

    [Fact]
    public void LeftRight_MoveTheCursor_TypingInsertsThere()
    {
        var editor = Editing("counters of MSM");
        for (var i = 0; i < 3; i++) editor.Apply(Key(ConsoleKey.LeftArrow));
        Type(editor, "the ");
        Assert.Equal("counters of the MSM", editor.Text);
        editor.Apply(Key(ConsoleKey.RightArrow));
        Assert.Equal(17, editor.Cursor);
    }

    [Fact]
    public void HomeEnd_BackspaceDelete_Edit()
    {
        var editor = Editing("xwhat is IFLB?");
        editor.Apply(Key(ConsoleKey.Home));
        editor.Apply(Key(ConsoleKey.Delete));
        editor.Apply(Key(ConsoleKey.End));
        editor.Apply(Key(ConsoleKey.Backspace));
        Assert.Equal("what is IFLB", editor.Text);
        Assert.Equal(editor.Text.Length, editor.Cursor);
    }

    [Fact]
    public void ControlKeys_DeleteWordsAndLineParts()
    {
        var editor = Editing("which counters show it");
        editor.Apply(Key(ConsoleKey.W, control: true));
        Assert.Equal("which counters show ", editor.Text);
        editor.Apply(Key(ConsoleKey.A, control: true));
        editor.Apply(Key(ConsoleKey.RightArrow));
        editor.Apply(Key(ConsoleKey.K, control: true));
        Assert.Equal("w", editor.Text);
        editor.Apply(Key(ConsoleKey.U, control: true));
        Assert.Equal("", editor.Text);
    }

    [Fact]
    public void UpDown_RecallEarlierQuestions_AndComeBackToTheUnfinishedLine()
    {
        var editor = new LineEditor();
        editor.Remember("what is MSM?");
        editor.Remember("and its counters?");
        editor.Begin();
        Type(editor, "half typed");
        editor.Apply(Key(ConsoleKey.UpArrow));
        Assert.Equal("and its counters?", editor.Text);
        editor.Apply(Key(ConsoleKey.UpArrow));
        editor.Apply(Key(ConsoleKey.UpArrow));
        Assert.Equal("what is MSM?", editor.Text);
        Assert.Equal(editor.Text.Length, editor.Cursor);
        editor.Apply(Key(ConsoleKey.DownArrow));
        editor.Apply(Key(ConsoleKey.DownArrow));
        editor.Apply(Key(ConsoleKey.DownArrow));
        Assert.Equal("half typed", editor.Text);
    }

    [Fact]
    public void EditingARecalledLine_LeavesTheHistoryAlone()
    {
        var editor = new LineEditor();
        editor.Remember("what is MSM?");
        editor.Begin();
        editor.Apply(Key(ConsoleKey.UpArrow));
        editor.Apply(Key(ConsoleKey.Backspace));
        Assert.Equal(LineEdit.Submit, editor.Apply(Key(ConsoleKey.Enter)));
        Assert.Equal("what is MSM", editor.Text);
        Assert.Equal(["what is MSM?"], editor.History);
    }

    [Fact]
    public void Remember_SkipsBlankLinesAndImmediateRepeats()
    {
        var editor = new LineEditor();
        foreach (var line in new[] { "a", "a", " ", "b", "a" }) editor.Remember(line);
        Assert.Equal(["a", "b", "a"], editor.History);
    }

    [Fact]
    public void ControlDOrControlC_OnAnEmptyLine_EndInput_OnATypedLine_Edit()
    {
        var editor = Editing("abc");
        Assert.Equal(LineEdit.Continue, editor.Apply(Key(ConsoleKey.C, control: true)));
        Assert.Equal("", editor.Text);
        Assert.Equal(LineEdit.EndOfInput, editor.Apply(Key(ConsoleKey.C, control: true)));
        var typed = Editing("abc");
        typed.Apply(Key(ConsoleKey.Home));
        Assert.Equal(LineEdit.Continue, typed.Apply(Key(ConsoleKey.D, control: true)));
        Assert.Equal("bc", typed.Text);
        Assert.Equal(LineEdit.EndOfInput, new LineEditor().Apply(Key(ConsoleKey.D, control: true)));
    }

    [Fact]
    public void Escape_ClearsTheLine_ControlCharactersAreNotInserted()
    {
        var editor = Editing("abc");
        editor.Apply(Char('\u0007'));
        Assert.Equal("abc", editor.Text);
        editor.Apply(Key(ConsoleKey.Escape));
        Assert.Equal(("", 0), (editor.Text, editor.Cursor));
    }
}
