using Elex.Core.Routing.Glosses;
using Elex.Core.Text;

namespace Elex.Core.Routing;

/// <summary>The radio technology a question names, if any ("on LTE", "5G cells", "gNB", "EN-DC").</summary>
internal static class QuestionRat
{
    public static Rat Detect(AnalyzedText analyzed)
    {
        var rat = Rat.Any;
        foreach (var token in analyzed.Tokens) rat |= Of(WordCache.LowerOf(token.Text));
        return rat;
    }

    /// <summary>
    /// How many of the question's word terms only say which radio technology it is about ("in LTE")
    /// and are not part of the feature name it matched (<paramref name="namedTerms"/>, space-separated):
    /// they qualify the feature the question names rather than name it.
    /// </summary>
    public static int QualifierTerms(List<string> wordTerms, string namedTerms)
    {
        var count = 0;
        foreach (var term in wordTerms)
            if (Of(term) != Rat.Any && !ContainsTerm(namedTerms, term)) count++;
        return count;
    }

    private static bool ContainsTerm(string terms, string term)
    {
        foreach (var range in terms.AsSpan().Split(' '))
            if (terms.AsSpan(range).SequenceEqual(term)) return true;
        return false;
    }

    private static Rat Of(string lowerWord) => lowerWord switch
    {
        "lte" or "4g" or "e-utran" or "eutran" or "e-utra" or "eutra" or "enb" or "enodeb" or "enodebs" or "enbs" => Rat.Lte,
        "nr" or "5g" or "gnb" or "gnodeb" or "gnbs" or "gnodebs" or "5gnr" => Rat.Nr,
        "en-dc" or "endc" or "nsa" or "ne-dc" or "nedc" => Rat.LteAndNr,
        _ when lowerWord.StartsWith("eutrancell", StringComparison.Ordinal) => Rat.Lte,
        _ when lowerWord.StartsWith("nrcell", StringComparison.Ordinal) => Rat.Nr,
        _ => Rat.Any,
    };

    /// <summary>True when a feature of <paramref name="feature"/> RAT cannot be what a question about <paramref name="question"/> means.</summary>
    public static bool Contradicts(Rat question, Rat feature) =>
        question is Rat.Lte or Rat.Nr && feature is Rat.Lte or Rat.Nr && question != feature;
}
