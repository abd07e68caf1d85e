using System.Text;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>Collects an answer's text, the catalog facts it used, its proposed commands and warnings.</summary>
internal sealed class AnswerBuilder
{
    private readonly StringBuilder _text = new(512);
    private readonly List<string> _evidence = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
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
        if (_seen.Add(fact)) _evidence.Add(fact);
    }

    public void Command(ProposedCommand command) => _commands.Add(command);

    public void Warning(string warning)
    {
        if (!_warnings.Contains(warning)) _warnings.Add(warning);
    }

    public AgentAnswer Build() =>
        new(_text.ToString().TrimEnd(), _evidence, _commands) { Warnings = _warnings };
}
