using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Elex.Cli;
using Elex.Core.Responses;

namespace Elex.Server;

/// <summary>The server's JSON: a response in the <c>elex ask --json</c> shape, everything else camelCase with enums as names.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    /// <summary>One response as a single line of JSON (what <c>elex ask --json</c> writes).</summary>
    public static string Response(QueryResponse response) => Write(writer => ResponseJson.Write(writer, null, response));

    /// <summary>What <paramref name="write"/> writes, as a single line.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
