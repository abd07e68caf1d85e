using Elex.Core.Routing.Glosses;
using Elex.Core.Text;

namespace Elex.Core.Routing;

/// <summary>The radio technology a question names, if any ("on LTE", "5G cells", "gNB", "EN-DC").</summary>
internal static class QuestionRat
{
    public static Rat Detect(AnalyzedText analyzed)
    {
        var rat = Rat.Any;
        foreach (var token in analyzed.Tokens)
        {
            var word = token.Text.ToLowerInvariant();
            switch (word)
            {
                case "lte" or "4g" or "e-utran" or "eutran" or "e-utra" or "eutra" or "enb" or "enodeb" or "enodebs" or "enbs":
                    rat |= Rat.Lte;
                    break;
                case "nr" or "5g" or "gnb" or "gnodeb" or "gnbs" or "gnodebs" or "5gnr":
                    rat |= Rat.Nr;
                    break;
                case "en-dc" or "endc" or "nsa" or "ne-dc" or "nedc":
                    rat |= Rat.LteAndNr;
                    break;
                default:
                    if (word.StartsWith("eutrancell", StringComparison.Ordinal)) rat |= Rat.Lte;
                    else if (word.StartsWith("nrcell", StringComparison.Ordinal)) rat |= Rat.Nr;
                    break;
            }
        }
        return rat;
    }

    /// <summary>True when a feature of <paramref name="feature"/> RAT cannot be what a question about <paramref name="question"/> means.</summary>
    public static bool Contradicts(Rat question, Rat feature) =>
        question is Rat.Lte or Rat.Nr && feature is Rat.Lte or Rat.Nr && question != feature;
}
