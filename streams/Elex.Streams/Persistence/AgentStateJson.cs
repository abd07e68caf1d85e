using System.Text.Json;
using System.Text.Json.Serialization;

namespace Elex.Streams.Persistence;

/// <summary>
/// Source-generated JSON for the <c>agent_state</c> document (same Web defaults as before): the
/// browser build trims and interprets, where reflection JSON is slow on first use and unsafe to trim.
/// Absent values are left out (an unrated experience has no rating fields) and read back as null.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentStateDocument))]
internal sealed partial class AgentStateJson : JsonSerializerContext;
