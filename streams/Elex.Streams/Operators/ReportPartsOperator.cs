using System.Reactive.Linq;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>
/// Pushes a streamed query's parts from inside the graph, right after the stage that produced them:
/// after Dispatch the routing decision, after Answer the sections, after ValidateSafety the verdicts
/// (Done comes with the fan-out, once the response reached <see cref="ElexSwarm.Responses"/>).
/// </summary>
internal static class ReportPartsOperator
{
    /// <summary>
    /// Passes every item on unchanged (the same instance, in order) after pushing the parts of
    /// <paramref name="kind"/> into its sink: <see cref="AnswerPartKind.Routed"/>, <see cref="AnswerPartKind.Section"/>
    /// or <see cref="AnswerPartKind.Verdict"/>. Items without a sink push nothing; nor do failed items
    /// their route or sections (their Error part ends the stream) — but an item whose safety check
    /// failed pushes its verdicts, all Rejected, before that Error part. A subscriber that throws is
    /// the sink's to isolate: the graph never sees it.
    /// </summary>
    public static IObservable<PipelineItem> ReportParts(this IObservable<PipelineItem> source, AnswerPartKind kind)
    {
        ArgumentNullException.ThrowIfNull(source);
        Action<PipelineItem, AnswerPartSink> report = kind switch
        {
            AnswerPartKind.Routed => static (item, sink) => { if (!item.HasFailed) sink.Routed(item); },
            AnswerPartKind.Section => static (item, sink) => { if (!item.HasFailed && item.Response is { } r) sink.Sections(r); },
            // A failed item's Error response proposes nothing: only a failed safety check leaves commands, all Rejected.
            AnswerPartKind.Verdict => static (item, sink) => { if (item.Response is { } r) sink.Verdicts(r); },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only Routed, Section and Verdict parts are pushed by a stage."),
        };
        return source.Select(item =>
        {
            if (item.Parts is { } sink) report(item, sink);
            return item;
        });
    }
}
