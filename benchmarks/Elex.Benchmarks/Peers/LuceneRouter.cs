using Elex.Core.Catalog;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Elex.Benchmarks.Peers;

/// <summary>
/// The text-search peer: Lucene.Net BM25 over the same catalog fields our router uses (code with
/// and without spaces, CXC, name, acronym, domain, parameters plain and MO-qualified, counters,
/// events, KPIs), one document per feature in an in-memory directory. A question is escaped and
/// parsed by a <see cref="MultiFieldQueryParser"/> (OR of all terms over all fields, identifying
/// fields boosted), and the top hits are the routed features. Not thread-safe (the query parser is
/// not); build one per thread.
/// </summary>
public sealed class LuceneRouter : IDisposable
{
    private static readonly string[] Fields = ["code", "cxc", "name", "acronym", "domain", "parameter", "counter", "event", "kpi", "gloss"];

    // Identifying fields weigh more than describing ones, as in our router's exact evidence.
    private static readonly Dictionary<string, float> Boosts = new()
    {
        ["code"] = 3f, ["cxc"] = 3f, ["name"] = 2f, ["acronym"] = 2f, ["domain"] = 0.5f,
        ["parameter"] = 1f, ["counter"] = 1f, ["event"] = 1f, ["kpi"] = 1f, ["gloss"] = 1f,
    };

    private readonly LuceneDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly MultiFieldQueryParser _parser;
    private readonly Analyzer _analyzer;

    private LuceneRouter(FeatureCatalog catalog, LuceneAnalyzerKind kind, LuceneDirectory directory, Analyzer analyzer)
    {
        Catalog = catalog;
        AnalyzerKind = kind;
        _directory = directory;
        _analyzer = analyzer;
        _reader = DirectoryReader.Open(directory);
        if (_reader.MaxDoc != catalog.Count)
            throw new InvalidOperationException($"The Lucene index holds {_reader.MaxDoc} documents for {catalog.Count} features.");
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _parser = new MultiFieldQueryParser(LuceneAnalyzers.Version, Fields, analyzer, Boosts) { DefaultOperator = Operator.OR };
    }

    /// <summary>The catalog indexed; document ids are catalog ordinals.</summary>
    public FeatureCatalog Catalog { get; }

    /// <summary>The analyzer used for indexing and queries.</summary>
    public LuceneAnalyzerKind AnalyzerKind { get; }

    /// <summary>Indexes every feature of <paramref name="catalog"/> in memory with BM25 similarity.</summary>
    public static LuceneRouter Build(FeatureCatalog catalog, LuceneAnalyzerKind kind = LuceneAnalyzerKind.CamelCase, Elex.Core.Routing.Glosses.RoutingGlosses? glosses = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var analyzer = LuceneAnalyzers.Create(kind);
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneAnalyzers.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 256,
            // Log merges keep documents in insertion order, so a document id is the feature's ordinal.
            MergePolicy = new LogByteSizeMergePolicy(),
        };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var feature in catalog.Features) writer.AddDocument(ToDocument(feature, glosses?.For(feature.Code)));
            writer.ForceMerge(1);
            writer.Commit();
        }
        return new LuceneRouter(catalog, kind, directory, analyzer);
    }

    /// <summary>
    /// Writes the ordinals of the best-scoring features, best first, into <paramref name="ordinals"/>
    /// (its length is k) and returns how many were found.
    /// </summary>
    public int Route(string question, Span<int> ordinals)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (ordinals.IsEmpty) return 0;
        Query query;
        try
        {
            query = _parser.Parse(Escape(question));
        }
        catch (ParseException)
        {
            return 0; // e.g. a question of stop words only
        }
        var hits = _searcher.Search(query, ordinals.Length).ScoreDocs;
        for (var i = 0; i < hits.Length; i++) ordinals[i] = hits[i].Doc;
        return hits.Length;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>Escapes query syntax; the bare operators AND/OR/NOT become ordinary (stop) words.</summary>
    private static string Escape(string question)
    {
        var escaped = QueryParserBase.Escape(question);
        return escaped.Contains("AND", StringComparison.Ordinal) || escaped.Contains("OR", StringComparison.Ordinal) || escaped.Contains("NOT", StringComparison.Ordinal)
            ? string.Join(' ', escaped.Split(' ').Select(w => w is "AND" or "OR" or "NOT" ? w.ToLowerInvariant() : w))
            : escaped;
    }

    private static Document ToDocument(Feature feature, Elex.Core.Routing.Glosses.FeatureGloss? gloss)
    {
        var doc = new Document();
        void Text(string field, string? value)
        {
            if (!string.IsNullOrEmpty(value)) doc.Add(new TextField(field, value, Field.Store.NO));
        }
        Text("code", feature.Code.Value);
        Text("code", feature.Code.Value.Replace(" ", "", StringComparison.Ordinal));
        Text("cxc", feature.Cxc);
        Text("name", feature.Name);
        Text("acronym", feature.Acronym);
        if (gloss is not null) Text("gloss", gloss.Gloss + " " + string.Join(", ", gloss.Terms));
        Text("domain", feature.Domain);
        foreach (var p in feature.Parameters)
        {
            Text("parameter", p.Name);
            Text("parameter", p.QualifiedName);
        }
        foreach (var c in feature.Counters)
        {
            Text("counter", c.Name);
            Text("counter", c.QualifiedName);
        }
        foreach (var e in feature.Events) Text("event", e);
        foreach (var k in feature.Kpis) Text("kpi", k);
        return doc;
    }
}
