using System.Text;

namespace Elex.Sync;

/// <summary>
/// The learned-routes section of a version-2 delta, after the agents: route count (u16), then per
/// route in canonical order the feature code (u8 length, UTF-8) and the question (u16 length, UTF-8).
/// </summary>
internal static class RouteCodec
{
    public static long Length(IReadOnlyList<SharedRoute> routes)
    {
        long length = 2;
        foreach (var r in routes) length += 1 + AgentDelta.Utf8.GetByteCount(r.Feature) + 2 + AgentDelta.Utf8.GetByteCount(r.Question);
        return length;
    }

    public static void Write(ref WireWriter writer, IReadOnlyList<SharedRoute> routes)
    {
        writer.U16((ushort)routes.Count);
        foreach (var r in routes)
        {
            var feature = AgentDelta.Utf8.GetBytes(r.Feature);
            writer.U8((byte)feature.Length);
            writer.Bytes(feature);
            var question = AgentDelta.Utf8.GetBytes(r.Question);
            writer.U16((ushort)question.Length);
            writer.Bytes(question);
        }
    }

    public static SharedRoute[] Read(ref WireReader reader)
    {
        var countAt = reader.Offset;
        var count = reader.U16("the learned-route count");
        if (count > QTableDelta.MaxRoutes)
            throw reader.FailAt(countAt, DeltaFormatError.TooLarge, $"The delta declares {count} learned routes; the limit is {QTableDelta.MaxRoutes}.");
        var routes = new SharedRoute[count];
        for (var i = 0; i < count; i++)
        {
            var at = reader.Offset;
            var feature = Text(ref reader, reader.U8($"the feature length of learned route #{i}"), $"the feature of learned route #{i}", at);
            var question = Text(ref reader, reader.U16($"the question length of learned route #{i}"), $"the question of learned route #{i}", at);
            if (SharedRoute.Error(feature, question) is { } error)
                throw reader.FailAt(at, DeltaFormatError.InvalidRoute, $"Learned route #{i}: {error} (offset {at}).");
            routes[i] = new SharedRoute(feature, question);
            if (i > 0 && SharedRoute.Compare(routes[i - 1], routes[i]) >= 0)
                throw reader.FailAt(at, DeltaFormatError.InvalidRoute, $"Learned route #{i} is a duplicate or out of the canonical order (offset {at}).");
        }
        return routes;
    }

    private static string Text(ref WireReader reader, int length, string field, int at)
    {
        var bytes = reader.Take(length, field);
        try
        {
            return AgentDelta.Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw reader.FailAt(at, DeltaFormatError.InvalidRoute, $"{char.ToUpperInvariant(field[0])}{field[1..]} is not valid UTF-8 (offset {at}).");
        }
    }
}
