using System.Text.Json;
using Elex.Cli;
using Elex.Streams;

namespace Elex.Server.Streaming;

/// <summary>One <see cref="AnswerPart"/> as the <c>data:</c> of a Server-Sent Event; the event's name is the part's kind.</summary>
internal static class AnswerPartJson
{
    public static string EventName(AnswerPart part) => part.Kind.ToString().ToLowerInvariant();

    public static string Data(AnswerPart part) => Json.Write(writer =>
    {
        if (part.Kind == AnswerPartKind.Done)
        {
            ResponseJson.Write(writer, part.QueryId, part.Response!);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("queryId", part.QueryId);
        switch (part.Kind)
        {
            case AnswerPartKind.Routed:
                var routing = part.Routing!;
                writer.WriteString("featureCode", routing.FeatureCode);
                writer.WriteString("featureName", routing.FeatureName);
                writer.WriteString("agentId", routing.AgentId);
                writer.WriteNumber("confidence", Math.Round(routing.Confidence, 4));
                writer.WriteBoolean("abstained", routing.Abstained);
                break;
            case AnswerPartKind.Section:
                writer.WriteNumber("index", part.Index);
                writer.WriteString("title", part.Section!.Title);
                writer.WriteString("text", part.Section.Text);
                break;
            case AnswerPartKind.Verdict:
                writer.WriteNumber("index", part.Index);
                writer.WriteString("command", part.Command!.Command);
                writer.WriteString("safety", part.Command.Safety.ToString());
                writer.WriteString("reason", part.Command.SafetyReason);
                break;
            case AnswerPartKind.Error:
                writer.WriteString("stage", part.FailedStage);
                writer.WriteString("error", part.Failure?.Message);
                break;
        }
        writer.WriteEndObject();
    });
}
