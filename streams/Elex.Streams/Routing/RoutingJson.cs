using System.Text.Json.Serialization;

namespace Elex.Streams.Routing;

internal sealed record StoredRoute(string Question, string Feature);

internal sealed record StoredQuestion(string ResponseId, string Question);

[JsonSerializable(typeof(StoredRoute[]))]
[JsonSerializable(typeof(StoredQuestion[]))]
internal sealed partial class RoutingJson : JsonSerializerContext;
