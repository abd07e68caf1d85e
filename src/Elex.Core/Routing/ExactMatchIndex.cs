using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Elex.Core.Catalog;
using Elex.Core.Text;

namespace Elex.Core.Routing;

/// <summary>
/// Exact lookups from the identifiers a question names to the features that own them: codes
/// (with or without spaces), CXC keys, acronyms, full names, parameter, counter and event names.
/// Keys ignore case and joiners, so <c>sleepMode</c>, <c>SleepMode</c> and <c>sleep_mode</c> meet.
/// Each hit carries a boost: identifying facts (a code, a unique acronym, a whole name) weigh
/// most; a fact shared by several features weighs less for each, and a parameter weighs most for
/// the features that introduce it.
/// </summary>
internal sealed partial class ExactMatchIndex
{
    private const float CodeBoost = 3.0f;
    private const float AcronymBoost = 0.8f;
    private const float EverydayAcronymShare = 0.1f;
    private const float NameBoostPerTerm = 0.18f;
    private const float NameBoostMax = 0.9f;
    private const float IdentifierBoost = 0.6f;
    private const float SharedIdentifierFloor = 0.5f;

    private readonly Dictionary<string, int> _codes;
    private readonly Dictionary<string, int> _cxcs;
    private readonly Dictionary<string, int[]> _acronyms;
    // Kept for the snapshot; lookups go through the anchors built from it.
    private readonly Dictionary<string, int[]> _nameTermPostings;
    private readonly Dictionary<string, int[]> _nameAnchors;
    private readonly RouteEvidence?[] _nameEvidence;
    private readonly string[][] _nameTerms;
    private readonly Dictionary<string, Posting[]> _parameters;
    private readonly Dictionary<string, Posting[]> _counters;
    private readonly Dictionary<string, Posting[]> _events;
    private readonly HashSet<string> _plainWords;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _acronymsBySpan;
    private readonly Dictionary<string, Posting[]>.AlternateLookup<ReadOnlySpan<char>> _parametersBySpan;
    private readonly Dictionary<string, Posting[]>.AlternateLookup<ReadOnlySpan<char>> _countersBySpan;
    private readonly Dictionary<string, Posting[]>.AlternateLookup<ReadOnlySpan<char>> _eventsBySpan;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _plainWordsBySpan;

    public ExactMatchIndex(FeatureCatalog catalog, IReadOnlyList<FeatureDocument> documents) : this(Build(catalog, documents))
    {
    }

    private ExactMatchIndex(Tables t)
    {
        _codes = t.Codes;
        _cxcs = t.Cxcs;
        _acronyms = t.Acronyms;
        _nameTermPostings = t.NameTermPostings;
        _nameTerms = t.NameTerms;
        (_nameAnchors, _nameEvidence) = NameAnchors(_nameTermPostings);
        _parameters = t.Parameters;
        _counters = t.Counters;
        _events = t.Events;
        _plainWords = t.PlainWords;
        _acronymsBySpan = _acronyms.GetAlternateLookup<ReadOnlySpan<char>>();
        _parametersBySpan = _parameters.GetAlternateLookup<ReadOnlySpan<char>>();
        _countersBySpan = _counters.GetAlternateLookup<ReadOnlySpan<char>>();
        _eventsBySpan = _events.GetAlternateLookup<ReadOnlySpan<char>>();
        _plainWordsBySpan = _plainWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // Everything a lookup reads: built from the catalog, or read back from a snapshot.
    private sealed record Tables(
        Dictionary<string, int> Codes,
        Dictionary<string, int> Cxcs,
        Dictionary<string, int[]> Acronyms,
        Dictionary<string, int[]> NameTermPostings,
        string[][] NameTerms,
        Dictionary<string, Posting[]> Parameters,
        Dictionary<string, Posting[]> Counters,
        Dictionary<string, Posting[]> Events,
        HashSet<string> PlainWords);

    private static Tables Build(FeatureCatalog catalog, IReadOnlyList<FeatureDocument> documents)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var cxcs = new Dictionary<string, int>(StringComparer.Ordinal);
        var acronyms = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var nameTerms = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var counters = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var events = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var plain = new HashSet<string>(StringComparer.Ordinal);
        var names = new string[catalog.Count][];
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        string Key(string identifier)
        {
            if (!keys.TryGetValue(identifier, out var key)) keys[identifier] = key = Tokenizer.LookupKey(identifier);
            return key;
        }

        for (var i = 0; i < catalog.Count; i++)
        {
            var f = catalog[i];
            codes[Tokenizer.LookupKey(f.Code.Value)] = i;
            if (f.Cxc is { } cxc) cxcs.TryAdd(Tokenizer.LookupKey(cxc), i);
            // An everyday abbreviation whose field meaning the vocabulary knows ("NSA": non-standalone
            // EN-DC) is not the acronym of the feature that happens to share it (NR Soft Admission).
            if (f.Acronym is { } acronym && Tokenizer.LookupKey(acronym) is { Length: > 1 } acronymKey
                && !(RanGlossary.IsEveryday(acronymKey) && RanAbbreviations.Spells(acronymKey)))
                AddOrdinal(acronyms, acronymKey, i);
            var distinctNameTerms = documents[i].NameTerms.Distinct(StringComparer.Ordinal).ToArray();
            names[i] = distinctNameTerms;
            foreach (var term in distinctNameTerms) AddOrdinal(nameTerms, term, i);
            foreach (var p in f.Parameters)
            {
                var weight = RoleWeight(p.Role);
                AddPosting(parameters, Key(p.Name), i, weight);
                AddPosting(parameters, Key(p.Mo) + Key(p.Name), i, weight);
            }
            foreach (var c in f.Counters)
            {
                AddPosting(counters, Key(c.Name), i, 1f);
                AddPosting(counters, Key(c.Mo) + Key(c.Name), i, 1f);
            }
            foreach (var e in f.Events) AddPosting(events, Tokenizer.LookupKey(e), i, 1f);
            foreach (var w in Tokenizer.Words(f.Name + " " + f.Domain)) plain.Add(w);
        }

        // Plain dictionaries: frozen ones look up no faster here and cost far more to build.
        return new Tables(codes, cxcs, Arrays(acronyms), Arrays(nameTerms), names, Freeze(parameters), Freeze(counters), Freeze(events), plain);
    }

    /// <summary>Every exact fact the text names, as boosts for the features that own it.</summary>
    public void Match(string text, AnalyzedText analyzed, List<ExactHit> into)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            foreach (var m in CodePattern().EnumerateMatches(text))
            {
                var found = text.Substring(m.Index, m.Length);
                var key = Tokenizer.LookupKey(found);
                if (_codes.TryGetValue(key, out var ordinal)) into.Add(new(ordinal, CodeBoost, new RouteEvidence(MatchKind.Code, found, 1)));
                else if (_cxcs.TryGetValue(key, out ordinal)) into.Add(new(ordinal, CodeBoost, new RouteEvidence(MatchKind.Cxc, found, 1)));
            }
        }

        Span<char> buffer = stackalloc char[256];
        var identifierCue = HasIdentifierCue(text);
        foreach (var token in analyzed.Tokens)
        {
            if (token.Text.Length > buffer.Length) continue;
            var key = Tokenizer.WriteLookupKey(token.Text, buffer);
            if (key.Length == 0) continue;
            if (_acronymsBySpan.TryGetValue(key, out var byAcronym) && IsAcronymUse(token, key))
            {
                var evidence = new RouteEvidence(MatchKind.Acronym, token.Text, byAcronym.Length);
                // An acronym that is also a generic abbreviation ("CA" in "UL CA") names its feature less surely.
                var word = WordCache.Of(key);
                var boost = AcronymBoost / MathF.Sqrt(byAcronym.Length)
                    * (RanGlossary.IsEveryday(word) ? EverydayAcronymShare : RanGlossary.Expand(word) is null ? 1f : 0.5f);
                foreach (var ordinal in byAcronym) into.Add(new(ordinal, boost, evidence));
            }
            if (!IsIdentifierUse(token, key, identifierCue)) continue;
            if (!AddPostings(_parametersBySpan, key, MatchKind.Parameter, token.Text, into)
                && token.Text.LastIndexOf('.') is > 0 and var dot)
                AddPostings(_parametersBySpan, Tokenizer.WriteLookupKey(token.Text.AsSpan(dot + 1), buffer), MatchKind.Parameter, token.Text[(dot + 1)..], into);
            AddPostings(_countersBySpan, key, MatchKind.Counter, token.Text, into);
            AddPostings(_eventsBySpan, key, MatchKind.Event, token.Text, into);
        }

        var acronymsEnd = into.Count;
        MatchNames(analyzed.WordTerms, into);
        DropAcronymsInsideNames(into, acronymsEnd);
    }

    private static bool AddPostings(Dictionary<string, Posting[]>.AlternateLookup<ReadOnlySpan<char>> map, ReadOnlySpan<char> key, MatchKind kind, string text, List<ExactHit> into)
    {
        if (!map.TryGetValue(key, out var postings)) return false;
        // Share by the strongest role: a parameter introduced by two features identifies those two,
        // however many others merely reference it.
        var strongest = 0f;
        foreach (var p in postings) strongest = MathF.Max(strongest, p.Weight);
        var owners = 0;
        foreach (var p in postings) if (p.Weight >= strongest) owners++;
        var evidence = new RouteEvidence(kind, text, postings.Length);
        // Sharing dilutes the boost, but never below a floor: a question that names an identifier
        // is about one of its owners, whatever else it happens to resemble.
        var shareFactor = MathF.Max(SharedIdentifierFloor, 1f / (1f + MathF.Log2(owners)));
        foreach (var p in postings) into.Add(new(p.Ordinal, IdentifierBoost * p.Weight * shareFactor, evidence));
        return true;
    }

    private static float RoleWeight(ParameterRole role) => role switch
    {
        ParameterRole.Introduced => 1f,
        ParameterRole.Affecting => 0.6f,
        ParameterRole.Affected => 0.45f,
        _ => 0.3f,
    };

    // Short acronyms ("CA", "TO", "SE") collide with ordinary words, so they count only when written in capitals.
    private bool IsAcronymUse(RawToken token, ReadOnlySpan<char> key) =>
        token.IsUpperCase || (key.Length >= 4 && !_plainWordsBySpan.Contains(key) && !StopWords.Contains(WordCache.Of(key)));

    // A question that says "parameter", "counter", "attribute" or "event", or sets something with
    // '=', may name a one-word identifier; elsewhere an English word that happens to be a parameter
    // name ("discard", "passive") or a short capitalised word ("PA") is just a word.
    private static bool HasIdentifierCue(string text) =>
        text.Contains('=') || text.Contains("param", StringComparison.OrdinalIgnoreCase) || text.Contains("counter", StringComparison.OrdinalIgnoreCase)
        || text.Contains("attribute", StringComparison.OrdinalIgnoreCase) || text.Contains("event", StringComparison.OrdinalIgnoreCase)
        || text.Contains(" set ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("set ", StringComparison.OrdinalIgnoreCase);

    // A lower-case ordinary word ("threshold", "mode") is not taken as a parameter or counter name.
    private bool IsIdentifierUse(RawToken token, ReadOnlySpan<char> key, bool cue)
    {
        var text = token.Text;
        var shape = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // camelCase inside the word, digits, joiners: the shape of an identifier.
            if ((i > 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(text[i - 1])) || char.IsAsciiDigit(c) || c is '_' or '.') shape = true;
        }
        if (shape) return text.Length >= 2;
        if (!cue) return false;
        foreach (var c in text)
            if (char.IsAsciiLetterUpper(c)) return text.Length >= 2;
        if (key.Length < 2 || _plainWordsBySpan.Contains(key)) return false;
        var word = WordCache.Of(key);
        return !StopWords.Contains(word) && !CommonWords.Contains(word);
    }

    private static readonly FrozenSet<string> CommonWords = new[]
    {
        "counter", "counters", "parameter", "parameters", "value", "values", "state", "mode", "time", "timer", "threshold",
        "enabled", "enable", "disable", "disabled", "active", "activate", "status", "priority", "level", "type", "list", "offset",
        "recommended", "measure", "control", "check", "checked", "node", "cell", "cells", "why", "effect", "activation",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static void AddOrdinal(Dictionary<string, List<int>> map, string key, int ordinal)
    {
        if (key.Length == 0) return;
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (list.Count == 0 || list[^1] != ordinal) list.Add(ordinal);
    }

    private static void AddPosting(Dictionary<string, List<Posting>> map, string key, int ordinal, float weight)
    {
        if (key.Length == 0) return;
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (list.Count > 0 && list[^1].Ordinal == ordinal)
        {
            if (list[^1].Weight < weight) list[^1] = new Posting(ordinal, weight);
            return;
        }
        list.Add(new Posting(ordinal, weight));
    }

    private static Dictionary<string, Posting[]> Freeze(Dictionary<string, List<Posting>> map) =>
        map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    private static Dictionary<string, int[]> Arrays(Dictionary<string, List<int>> map) =>
        map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    private readonly record struct Posting(int Ordinal, float Weight);

    [GeneratedRegex(@"\b(?:[A-Za-z]{3}[\s\-_]?\d{3}[\s\-_]?\d{4}|[Cc][Xx][Cc][\s\-_]?\d{3}[\s\-_]?\d{4})\b")]
    private static partial Regex CodePattern();
}
