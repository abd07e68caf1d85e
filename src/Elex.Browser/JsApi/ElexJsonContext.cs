using System.Text.Json;
using System.Text.Json.Serialization;

namespace Elex.Browser.JsApi;

/// <summary>Source-generated JSON for everything that crosses into JavaScript: trimming leaves reflection JSON unreliable.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsSwarmConfig))]
[JsonSerializable(typeof(JsSyncConfig))]
[JsonSerializable(typeof(JsQuery))]
[JsonSerializable(typeof(JsResponse))]
[JsonSerializable(typeof(JsRoutedPart))]
[JsonSerializable(typeof(JsSectionPart))]
[JsonSerializable(typeof(JsVerdictPart))]
[JsonSerializable(typeof(JsDonePart))]
[JsonSerializable(typeof(JsErrorPart))]
[JsonSerializable(typeof(JsFeedback))]
[JsonSerializable(typeof(JsFeedbackResult))]
[JsonSerializable(typeof(JsAgentStats))]
[JsonSerializable(typeof(JsSwarmStats))]
[JsonSerializable(typeof(JsLatency))]
[JsonSerializable(typeof(JsRouteBenchmark))]
[JsonSerializable(typeof(JsPersistBenchmark))]
[JsonSerializable(typeof(JsContextFeature[]))]
[JsonSerializable(typeof(Model.ModelManifest))]
[JsonSerializable(typeof(Model.JsModelStatus))]
[JsonSerializable(typeof(Model.ModelProgress))]
[JsonSerializable(typeof(Model.ModelLoadResult))]
public sealed partial class ElexJsonContext : JsonSerializerContext;
