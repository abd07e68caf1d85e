using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams;

namespace Elex.Cli;

/// <summary><c>elex ask</c>: one question (readable or --json) or a --jsonl batch from standard input.</summary>
internal static class AskCommand
{
    // Queries in flight in --jsonl mode: enough to keep the pipeline busy, small enough to bound memory.
    private const int JsonlWindow = 256;

    public static Command Create(Option<string?> catalogOption, Option<string?> dataOption, Option<string?> safeZonesOption, TextReader input, TextWriter output, TextWriter error)
    {
        var question = new Argument<string?>("question") { Description = "The question, e.g. \"which counters show MSM is working?\"", Arity = ArgumentArity.ZeroOrOne };
        var jsonl = new Option<bool>("--jsonl") { Description = "Batch mode: one JSON query per input line, one JSON response per output line, in order." };
        var json = new Option<bool>("--json") { Description = "Print the single answer as one JSON object." };
        var type = OptionValues.OneOf<QueryType>("--type", "Force the query type");
        var complexity = OptionValues.OneOf<Complexity>("--complexity", "Force the complexity");
        var maxAgents = OptionValues.WholeNumber("--max-agents", "Most feature agents kept loaded.", 50, minimum: 1);
        var all = new Option<bool>("--all") { Description = "List everything instead of cutting lists at a dozen items (JSON output is always complete)." };

        var command = new Command("ask", "Ask the swarm a question about a RAN feature.") { question, jsonl, json, type, complexity, maxAgents, all };
        command.SetAction(async (parse, cancellation) =>
        {
            var text = parse.GetValue(question);
            var batch = parse.GetValue(jsonl);
            if (batch == !string.IsNullOrWhiteSpace(text))
            {
                error.WriteLine(batch ? "elex ask: give either a question or --jsonl, not both." : "elex ask: a question is required (or --jsonl to read questions from standard input).");
                return ExitCodes.Usage;
            }
            if (text is not null && QuestionLength.Problem(text) is { } tooLong)
            {
                error.WriteLine($"elex ask: the question {tooLong}.");
                return ExitCodes.Usage;
            }
            var source = CatalogSource.Open(parse.GetValue(catalogOption));
            StartupTimings.Mark("source");
            await using var host = await SwarmHost.StartAsync(source, new SwarmConfig { MaxAgents = parse.GetValue(maxAgents), SafeZones = SafeZoneSource.Load(parse.GetValue(safeZonesOption)) }, parse.GetValue(dataOption), error, cancellation, semantic: true);
            var swarm = host.Swarm;
            if (batch) return await RunJsonl(swarm, input, output, cancellation);

            var query = new Query(text!, parse.GetValue(type), parse.GetValue(complexity)) { All = parse.GetValue(all) || parse.GetValue(json) };
            QueryResponse response;
            if (parse.GetValue(json))
            {
                response = await swarm.QueryAsync(query, cancellation);
                StartupTimings.Mark("query");
                output.WriteLine(ToJson(null, response));
            }
            else
            {
                // Readable: the routing line goes out as soon as the question is routed, the rest with the answer.
                response = await StreamedAnswer.WriteAsync(swarm, query, output, host.Catalog, cancellation);
                StartupTimings.Mark("query");
            }
            StartupTimings.Mark("write");
            return response.Status is ResponseStatus.Error or ResponseStatus.Rejected ? ExitCodes.QueryFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> RunJsonl(ElexSwarm swarm, TextReader input, TextWriter output, CancellationToken cancellation)
    {
        // Answers are written in input order as soon as each is ready (not when the next line arrives),
        // so an interactive client sees every answer and acknowledgement without sending more input.
        // The bounded window holds readers back instead of growing memory.
        var pending = Channel.CreateBounded<Task<string>>(new BoundedChannelOptions(JsonlWindow) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(() => WriteInOrder(pending.Reader, output), CancellationToken.None);
        var lineNumber = 0;
        try
        {
            while (await input.ReadLineAsync(cancellation) is { } line)
            {
                lineNumber++;
                await pending.Writer.WriteAsync(Start(swarm, JsonlRequest.Parse(line), lineNumber, cancellation), cancellation);
            }
        }
        finally
        {
            pending.Writer.TryComplete();
            await writer;
        }
        return ExitCodes.Ok;
    }

    private static Task<string> Start(ElexSwarm swarm, JsonlRequest request, int position, CancellationToken cancellation) => request switch
    {
        { Query: { } query } => swarm.QueryAsync(query, cancellation).ContinueWith(t => t.IsCompletedSuccessfully
            ? ToJson(request.Id, t.Result)
            : ErrorJson(request.Id, position, t.Exception?.GetBaseException().Message ?? "cancelled"), TaskScheduler.Default),
        // The acknowledgement is written only once the learning is durable in the store.
        { Feedback: { } feedback } => swarm.FeedbackAsync(feedback, cancellation).ContinueWith(t => t.IsCompletedSuccessfully
            ? Serialize(w => ResponseJson.WriteFeedback(w, request.Id, t.Result, hasStore: true))
            : ErrorJson(request.Id, position, t.Exception?.GetBaseException().Message ?? "cancelled"), TaskScheduler.Default),
        _ => Task.FromResult(ErrorJson(request.Id, position, request.Error!)),
    };

    // Answers that are ready go out together in one write; before waiting for one still being worked on,
    // what is finished is written and flushed, so a client never waits for an answer that is done.
    private static async Task WriteInOrder(ChannelReader<Task<string>> answers, TextWriter output)
    {
        var chunk = new StringBuilder();
        while (await answers.WaitToReadAsync(CancellationToken.None))
        {
            while (answers.TryRead(out var answer))
            {
                if (!answer.IsCompleted) await Flush(output, chunk);
                chunk.Append(await answer).Append(output.NewLine);
            }
            await Flush(output, chunk);
        }
    }

    private static async Task Flush(TextWriter output, StringBuilder chunk)
    {
        if (chunk.Length == 0) return;
        await output.WriteAsync(chunk);
        await output.FlushAsync();
        chunk.Clear();
    }

    private static string ToJson(string? id, QueryResponse response) => Serialize(w => ResponseJson.Write(w, id, response));

    private static string ErrorJson(string? id, int line, string message) => Serialize(w => ResponseJson.WriteError(w, id, line, message));

    private static string Serialize(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
