using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Elex.Cli;

/// <summary>
/// Turns what the parser found wrong into one line per problem that names it: an unknown flag is
/// called a flag and the flags the command accepts are listed (the parser blames whatever token it
/// failed to place, often the question); an unknown command lists the commands.
/// </summary>
internal static partial class UsageErrors
{
    /// <summary>What is wrong with the command line, one line each; empty when it is usable.</summary>
    /// <remarks>
    /// An unknown flag is not always a parse error: a command with an optional argument takes
    /// "--foo" as that argument (the question), so flag-like arguments are looked for even then.
    /// </remarks>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var prefix = command is RootCommand ? "elex" : $"elex {command.Name}";
        var help = $"see {prefix} --help";
        var unknown = UnknownOptions(parse);
        if (unknown.Count > 0)
        {
            var accepted = string.Join(", ", AcceptedOptions(parse.CommandResult));
            var what = unknown.Count == 1 ? $"unknown option '{unknown[0]}'" : $"unknown options {string.Join(", ", unknown.Select(u => $"'{u}'"))}";
            return [$"{prefix}: {what}; {(command is RootCommand ? "elex" : command.Name)} accepts {accepted} ({help})."];
        }
        var lines = new List<string>();
        if (parse.Errors.Count == 0) return lines;
        if (command is RootCommand)
        {
            var commands = string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            lines.Add(parse.UnmatchedTokens.Count > 0
                ? $"elex: unknown command '{parse.UnmatchedTokens[0]}'; the commands are {commands} ({help})."
                : $"elex: give a command: {commands} ({help}).");
            return lines;
        }
        foreach (var error in parse.Errors)
        {
            // Extra words the command has no argument for: usually an unquoted question.
            if (error.SymbolResult is CommandResult && parse.UnmatchedTokens.Count > 0)
            {
                lines.Add($"{prefix}: unexpected argument{(parse.UnmatchedTokens.Count > 1 ? "s" : "")} {string.Join(" ", parse.UnmatchedTokens.Select(t => $"'{t}'"))}; put a question in one pair of quotes ({help}).");
                break;
            }
            lines.Add($"{prefix}: {error.Message}");
        }
        return lines.Distinct().ToList();
    }

    // Tokens spelled like flags that no option claimed. Stops at "--", after which every token is an argument.
    private static List<string> UnknownOptions(ParseResult parse)
    {
        var unknown = new List<string>();
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) break;
            if (token.Type == TokenType.Argument && FlagLike().IsMatch(token.Value)) unknown.Add(token.Value);
        }
        return unknown;
    }

    // The command's own options, then those it inherits (recursive options of its parents).
    private static IEnumerable<string> AcceptedOptions(CommandResult result)
    {
        var names = new List<string>();
        names.AddRange(result.Command.Options.Where(o => !o.Hidden).Select(o => o.Name));
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
            names.AddRange(parent.Command.Options.Where(o => o.Recursive && !o.Hidden).Select(o => o.Name));
        return names.Distinct(StringComparer.Ordinal);
    }

    // "--foo" or "-x…": a flag, not a negative number or a lone dash.
    [GeneratedRegex(@"^--?[A-Za-z]")]
    private static partial Regex FlagLike();
}
