using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Elex.Benchmarks.Peers;

/// <summary>The analyzers the Lucene.Net peer can index and query with.</summary>
public enum LuceneAnalyzerKind
{
    /// <summary>Lucene's <see cref="StandardAnalyzer"/> (UAX#29 words, lower case, English stop words).</summary>
    Standard,
    /// <summary>
    /// Identifier-aware: standard tokens split at case changes and joiners (the original token is
    /// kept too, so <c>sleepMode</c> matches both whole and as <c>sleep</c> <c>mode</c>), lower
    /// case, English stop words and plural stemming — the fairest text baseline for RAN identifiers.
    /// </summary>
    CamelCase,
}

/// <summary>Builds the Lucene analyzers of <see cref="LuceneAnalyzerKind"/>.</summary>
public static class LuceneAnalyzers
{
    /// <summary>The Lucene compatibility version used throughout the peer.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private const WordDelimiterFlags SplitFlags =
        WordDelimiterFlags.GENERATE_WORD_PARTS
        | WordDelimiterFlags.GENERATE_NUMBER_PARTS
        | WordDelimiterFlags.SPLIT_ON_CASE_CHANGE
        | WordDelimiterFlags.PRESERVE_ORIGINAL
        | WordDelimiterFlags.STEM_ENGLISH_POSSESSIVE;

    /// <summary>Creates the analyzer of <paramref name="kind"/>.</summary>
    public static Analyzer Create(LuceneAnalyzerKind kind) => kind switch
    {
        LuceneAnalyzerKind.Standard => new StandardAnalyzer(Version),
        LuceneAnalyzerKind.CamelCase => Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new WordDelimiterFilter(Version, source, SplitFlags, null);
            stream = new LowerCaseFilter(Version, stream);
            stream = new StopFilter(Version, stream, StandardAnalyzer.STOP_WORDS_SET);
            stream = new EnglishMinimalStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analyzer kind."),
    };
}
