using System.Text.Json.Serialization;

namespace Elex.Streams.Routing;

internal sealed record StoredRoute(string Question, string Feature);

// FollowUp: the question was answered from its conversation's context (absent in stores written before conversations).
internal sealed record StoredQuestion(string ResponseId, string Question, bool FollowUp = false);

[JsonSerializable(typeof(StoredRoute[]))]
[JsonSerializable(typeof(StoredQuestion[]))]
internal sealed partial class RoutingJson : JsonSerializerContext;
