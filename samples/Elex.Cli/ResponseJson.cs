using Elex.Core.Learning;
using System.Text.Json;
using Elex.Core.Responses;

namespace Elex.Cli;

/// <summary>The JSON shape of a response in --jsonl and --json output (see the README).</summary>
internal static class ResponseJson
{
    public static void Write(Utf8JsonWriter w, string? id, QueryResponse r)
    {
        w.WriteStartObject();
        WriteId(w, id ?? r.QueryId);
        w.WriteString("responseId", r.ResponseId);
        w.WriteString("status", r.Status.ToString());
        w.WriteString("featureCode", r.FeatureCode);
        w.WriteString("featureName", r.FeatureName);
        w.WriteString("agentId", r.AgentId);
        w.WriteNumber("confidence", Math.Round(r.Confidence, 4));
        w.WriteString("queryType", r.QueryType.ToString());
        w.WriteString("complexity", r.Complexity.ToString());
        w.WriteNumber("latencyUs", Math.Round(r.LatencyUs, 1));
        w.WriteNumber("queueUs", Math.Round(r.QueueUs, 1));
        w.WriteString("strategy", r.Strategy.ToString());
        w.WriteString("text", r.Text);
        WriteStrings(w, "alternatives", r.Alternatives);
        w.WriteStartArray("actions");
        foreach (var c in r.Commands)
        {
            w.WriteStartObject();
            w.WriteString("command", c.Command);
            w.WriteString("kind", c.Kind.ToString());
            w.WriteString("purpose", c.Purpose);
            w.WriteString("safety", c.Safety.ToString());
            w.WriteString("reason", c.SafetyReason);
            w.WriteBoolean("runnable", c.IsRunnable);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteStrings(w, "namedFeatures", r.NamedFeatures);
        WriteStrings(w, "contextFeatures", r.ContextFeatures);
        w.WriteBoolean("resolvedFromContext", r.ResolvedFromContext);
        WriteStrings(w, "evidence", r.Evidence);
        WriteStrings(w, "warnings", r.Warnings);
        w.WriteString("error", r.Error);
        w.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter w, string? id, int line, string error)
    {
        w.WriteStartObject();
        WriteId(w, id);
        w.WriteNumber("line", line);
        w.WriteString("status", "Error");
        w.WriteString("error", error);
        w.WriteEndObject();
    }

    /// <summary>
    /// The acknowledgement of a feedback line: <c>{"id", "feedback": "Applied" | why not, "agentId",
    /// "responseId", "success", "replaced", "message", "durable", "error"}</c>. <c>durable</c> is true when
    /// the learning is committed to the store; <c>replaced</c> when the response had been rated before and
    /// this rating took the earlier one's place; <c>success</c> whether the answer now counts as a success.
    /// </summary>
    public static void WriteFeedback(Utf8JsonWriter w, string? id, FeedbackResult result, bool hasStore)
    {
        w.WriteStartObject();
        WriteId(w, id);
        w.WriteString("feedback", result.Status.ToString());
        if (result.AgentId is null) w.WriteNull("agentId");
        else w.WriteString("agentId", result.AgentId);
        if (result.ResponseId is null) w.WriteNull("responseId");
        else w.WriteString("responseId", result.ResponseId);
        if (result.Rating is { } rating) w.WriteBoolean("success", rating.Success);
        else w.WriteNull("success");
        w.WriteBoolean("replaced", result.Replaced is not null);
        w.WriteString("message", result.Message);
        w.WriteBoolean("durable", result.Applied && hasStore);
        if (result.Applied) w.WriteNull("error");
        else w.WriteString("error", result.Message);
        w.WriteEndObject();
    }

    private static void WriteId(Utf8JsonWriter w, string? id)
    {
        if (id is null) w.WriteNull("id");
        else w.WriteString("id", id);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
