using System.Text;
using System.Text.Json;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Responses;
using Elex.Streams;
using Elex.Streams.Conversations;

namespace Elex.Cli.Chat;

/// <summary>
/// The chat loop: each line is a question in one <see cref="Conversation"/> (so follow-ups are answered
/// about the feature in context) or a slash command; each answer is printed as <c>elex ask</c> prints it,
/// saying when it was resolved from the conversation, or as one JSON line with <c>--json</c>.
/// </summary>
internal sealed class ChatSession(ElexSwarm swarm, Conversation conversation, FeatureCatalog catalog, ILineReader lines, TextWriter output, TextWriter error, bool json)
{
    private const string Prompt = "elex> ";

    private const string Help = """
        Ask about a RAN feature. A follow-up that names no feature ("and its counters?", "how do I activate it?")
        is answered about the feature(s) the conversation is about; naming another feature switches to it.
          /context        the feature(s) in context
          /reset          forget them: the next question starts afresh
          /good, /bad     rate the last answer (the agent learns)
          /correct CODE   the last answer should have come from feature CODE (the router learns)
          /help           this text
          /quit           end the chat (also /exit, Ctrl+D, or Ctrl+C on an empty line)
        Up/Down recall earlier questions; Left/Right, Home/End edit the line.
        """;

    private QueryResponse? _last;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (lines.IsInteractive) output.WriteLine("elex chat — follow-up questions are understood in context; /help lists the commands.");
        while (await lines.ReadLineAsync(Prompt, cancellationToken) is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0) continue;
            if (text.StartsWith('/'))
            {
                if (!await RunCommandAsync(text, cancellationToken)) break;
                continue;
            }
            if (!lines.IsInteractive && !json) output.WriteLine($"> {text}");
            _last = await conversation.QueryAsync(text, cancellationToken);
            Print(_last);
        }
        return ExitCodes.Ok;
    }

    private void Print(QueryResponse response)
    {
        if (json)
        {
            output.WriteLine(JsonLine(response));
            output.Flush();
            return;
        }
        if (response.ResolvedFromContext) output.WriteLine($"(about {response.FeatureName}, from the conversation)");
        ReadableAnswer.Write(output, response, catalog);
        output.WriteLine();
        output.Flush();
    }

    // False ends the chat.
    private async Task<bool> RunCommandAsync(string line, CancellationToken cancellationToken)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var argument = parts.Length > 1 ? parts[1] : null;
        switch (parts[0].ToLowerInvariant())
        {
            case "/quit" or "/exit":
                return false;
            case "/help":
                output.WriteLine(Help);
                break;
            case "/reset":
                conversation.Reset();
                output.WriteLine("Context cleared: the next question starts afresh.");
                break;
            case "/context":
                output.WriteLine(conversation.Context.IsEmpty
                    ? "No feature in context yet: ask about one (its name, acronym or FAJ code)."
                    : "In context: " + string.Join("; ", conversation.Context.Features.Select(code => catalog.Find(code)?.DisplayName ?? code.Value)));
                break;
            case "/good" or "/bad":
                await RateAsync(parts[0].Equals("/good", StringComparison.OrdinalIgnoreCase), cancellationToken);
                break;
            case "/correct":
                await CorrectAsync(argument, cancellationToken);
                break;
            default:
                error.WriteLine($"elex chat: unknown command '{parts[0]}'; /help lists the commands.");
                break;
        }
        return true;
    }

    private async Task RateAsync(bool good, CancellationToken cancellationToken)
    {
        if (_last is null)
        {
            error.WriteLine("elex chat: nothing to rate yet; ask a question first.");
            return;
        }
        var result = await swarm.FeedbackAsync(Feedback.ForResponse(_last.ResponseId, good ? 1f : -1f, good), cancellationToken);
        if (result.Applied) output.WriteLine(result.Message);
        else error.WriteLine($"elex chat: {result.Message}");
    }

    // As `elex feedback <id> --correct CODE`: the router learns, and the agent that answered gets -1.
    private async Task CorrectAsync(string? featureCode, CancellationToken cancellationToken)
    {
        if (_last is null || string.IsNullOrWhiteSpace(featureCode))
        {
            error.WriteLine(_last is null ? "elex chat: nothing to correct yet; ask a question first." : "elex chat: /correct needs the feature code that should have answered, e.g. /correct FAJ 121 3009");
            return;
        }
        var corrected = await swarm.CorrectAsync(_last.ResponseId, featureCode, cancellationToken);
        if (!corrected.Applied)
        {
            error.WriteLine($"elex chat: {corrected.Message}");
            return;
        }
        output.WriteLine($"{corrected.Message} ({corrected.LearnedRoutes} learned route(s))");
        var penalty = await swarm.FeedbackAsync(Feedback.ForResponse(_last.ResponseId, -1f, false), cancellationToken);
        if (penalty.Applied) output.WriteLine(penalty.Message);
    }

    private static string JsonLine(QueryResponse response)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            ResponseJson.Write(writer, null, response);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
