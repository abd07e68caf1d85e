namespace Elex.Core.Text;

/// <summary>
/// A text split for routing: raw tokens as written, terms from ordinary words, and terms from
/// identifiers (camelCase parameter or counter names, dotted MO paths). Identifier sub-words
/// describe, they do not name a feature, so they weigh less and never match a feature name.
/// </summary>
internal sealed record AnalyzedText(List<RawToken> Tokens, List<string> WordTerms, List<string> IdentifierTerms)
{
    /// <summary>Empties the three lists so the instance can hold the next text.</summary>
    public void Clear()
    {
        Tokens.Clear();
        WordTerms.Clear();
        IdentifierTerms.Clear();
    }
}
