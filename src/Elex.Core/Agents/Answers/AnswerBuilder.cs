using System.Text;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>Collects an answer's text, the catalog facts it used, its proposed commands and warnings.</summary>
internal sealed class AnswerBuilder
{
    // One builder per thread, reused: an answer allocates its final string, not the buffer's growth.
    [ThreadStatic] private static StringBuilder? s_text;

    private readonly StringBuilder _text = Rent();
    private readonly List<string> _evidence = new(32);
    private readonly List<ProposedCommand> _commands = [];
    private readonly List<string> _warnings = [];

    public StringBuilder Text => _text;

    public AnswerBuilder Line(string line)
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public AnswerBuilder Line() => Line("");

    public void Evidence(string fact)
    {
        // Answers hold a few dozen facts: a scan is cheaper than a set built per answer.
        if (!_evidence.Contains(fact)) _evidence.Add(fact);
    }

    public void Command(ProposedCommand command) => _commands.Add(command);

    public void Warning(string warning)
    {
        if (!_warnings.Contains(warning)) _warnings.Add(warning);
    }

    public AgentAnswer Build()
    {
        var end = _text.Length;
        while (end > 0 && char.IsWhiteSpace(_text[end - 1])) end--;
        var text = _text.ToString(0, end);
        _text.Clear();
        s_text = _text;
        return new(text, _evidence, _commands) { Warnings = _warnings };
    }

    private static StringBuilder Rent()
    {
        var text = s_text ?? new StringBuilder(2048);
        s_text = null;
        return text;
    }
}
