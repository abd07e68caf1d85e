using System.Reactive.Linq;
using Elex.Core.Catalog;
using Elex.Core.Queries;
using Elex.Core.Responses;
using Elex.Streams;

namespace Elex.Cli;

/// <summary>
/// <c>elex ask</c>'s readable answer as the swarm streams it: the routing line is written and flushed
/// the moment the question is routed, so the engineer sees which feature's agent answers before the
/// answer is built; the rest follows with the response.
/// </summary>
internal static class StreamedAnswer
{
    /// <summary>Asks, writes the answer, and returns the response (as <see cref="ElexSwarm.QueryAsync(Query, CancellationToken)"/> would).</summary>
    /// <exception cref="ObjectDisposedException">The swarm was shut down.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the answer came.</exception>
    public static async Task<QueryResponse> WriteAsync(ElexSwarm swarm, Query query, TextWriter output, FeatureCatalog catalog, CancellationToken cancellation)
    {
        var routingWritten = false;
        QueryResponse? response = null;
        Exception? failure = null;
        // Parts arrive on the pipeline's thread, one at a time and in order; the awaiting thread reads these after the last.
        await swarm.QueryStream(query, cancellation).ForEachAsync(part =>
        {
            switch (part.Kind)
            {
                case AnswerPartKind.Routed:
                    routingWritten = ReadableAnswer.WriteRouting(output, part.Routing!, catalog);
                    if (routingWritten) output.Flush();
                    break;
                case AnswerPartKind.Done:
                    response = part.Response;
                    break;
                case AnswerPartKind.Error:
                    // A query that got in has an Error response to show; one that never did fails as QueryAsync would.
                    response = part.Response;
                    failure = part.Failure;
                    break;
            }
        }, CancellationToken.None);
        if (response is null) throw failure ?? new InvalidOperationException("The answer stream ended without an answer.");
        ReadableAnswer.Write(output, response, catalog, routingWritten);
        return response;
    }
}
