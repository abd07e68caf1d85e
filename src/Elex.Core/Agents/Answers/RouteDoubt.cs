using System.Globalization;
using Elex.Core.Catalog;

namespace Elex.Core.Agents;

/// <summary>
/// A question matched to this feature, but not surely (typically by meaning alone, a symptom that
/// names no feature): the answer says so before anything else and names the other close features,
/// so an engineer chasing a symptom sees where else to look instead of one feature's facts as if
/// they were the cause.
/// </summary>
internal static class RouteDoubt
{
    // The swarm's own line for "sure": at or above it a route is right at least 98 % of the time.
    private const float Sure = 0.8f;

    /// <summary>True when the answer should lead with the doubt (compared as shown: 0.80 is sure).</summary>
    public static bool Applies(AnswerContext context) => MathF.Round(context.RouteConfidence, 2) < Sure && context.Alternatives.Count > 0;

    /// <summary>Writes the leading line when <see cref="Applies"/>.</summary>
    public static void Lead(AnswerBuilder a, Feature f, AnswerContext context, string lookFor)
    {
        if (!Applies(context)) return;
        a.Text.Append(f.Name).Append(" is the closest match to the question (confidence ")
            .Append(context.RouteConfidence.ToString("0.00", CultureInfo.InvariantCulture)).Append("), not a sure one; also close: ");
        AppendAlsoClose(a.Text, context.Alternatives).Append(". Ask about one of them by name for its ").Append(lookFor).Append(".\n");
    }

    /// <summary>
    /// The route's next few features, closest first, by display name; how many more it weighed is not
    /// the engineer's concern, so the list is not counted.
    /// </summary>
    public static System.Text.StringBuilder AppendAlsoClose(System.Text.StringBuilder text, IReadOnlyList<Feature> alternatives)
    {
        var shown = Math.Min(AlsoClose, alternatives.Count);
        for (var i = 0; i < shown; i++) text.Append(i == 0 ? "" : ", ").Append(DisplayNames.Of(alternatives[i]));
        return text;
    }

    private const int AlsoClose = 3;
}
