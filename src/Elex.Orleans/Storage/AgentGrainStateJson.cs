using System.Text.Json;
using System.Text.Json.Serialization;

namespace Elex.Orleans.Storage;

/// <summary>
/// The <c>agent_state</c> JSON of a grain's state: Web defaults and absent values left out, as the
/// local swarm writes it, so either can restore what the other stored.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentGrainState))]
internal sealed partial class AgentGrainStateJson : JsonSerializerContext;
