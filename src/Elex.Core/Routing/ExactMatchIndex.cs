using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Elex.Core.Catalog;
using Elex.Core.Text;

namespace Elex.Core.Routing;

/// <summary>
/// Exact lookups from the identifiers a question names to the features that own them: codes
/// (with or without spaces), CXC keys, acronyms, full names, parameter, counter and event names.
/// Keys ignore case and joiners, so <c>sleepMode</c>, <c>SleepMode</c> and <c>sleep_mode</c> meet.
/// </summary>
internal sealed partial class ExactMatchIndex
{
    private readonly FrozenDictionary<string, int> _codes;
    private readonly FrozenDictionary<string, int> _cxcs;
    private readonly FrozenDictionary<string, int[]> _acronyms;
    private readonly FrozenDictionary<string, int[]> _names;
    private readonly FrozenDictionary<string, int[]> _parameters;
    private readonly FrozenDictionary<string, int[]> _counters;
    private readonly FrozenDictionary<string, int[]> _events;
    private readonly FrozenSet<string> _plainWords;
    private readonly int _longestName;

    public ExactMatchIndex(FeatureCatalog catalog, IReadOnlyList<FeatureDocument> documents)
    {
        var codes = new Dictionary<string, int>();
        var cxcs = new Dictionary<string, int>();
        var acronyms = new Dictionary<string, List<int>>();
        var names = new Dictionary<string, List<int>>();
        var parameters = new Dictionary<string, List<int>>();
        var counters = new Dictionary<string, List<int>>();
        var events = new Dictionary<string, List<int>>();
        var plain = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < catalog.Count; i++)
        {
            var f = catalog[i];
            codes[Tokenizer.LookupKey(f.Code.Value)] = i;
            if (f.Cxc is { } cxc) cxcs.TryAdd(Tokenizer.LookupKey(cxc), i);
            if (f.Acronym is { } acronym) Add(acronyms, Tokenizer.LookupKey(acronym), i);
            var nameTerms = documents[i].NameTerms;
            if (nameTerms.Count > 0)
            {
                Add(names, string.Join(' ', nameTerms), i);
                _longestName = Math.Max(_longestName, nameTerms.Count);
            }
            foreach (var p in f.Parameters)
            {
                Add(parameters, Tokenizer.LookupKey(p.Name), i);
                Add(parameters, Tokenizer.LookupKey(p.QualifiedName), i);
            }
            foreach (var c in f.Counters)
            {
                Add(counters, Tokenizer.LookupKey(c.Name), i);
                Add(counters, Tokenizer.LookupKey(c.QualifiedName), i);
            }
            foreach (var e in f.Events) Add(events, Tokenizer.LookupKey(e), i);
            foreach (var w in Tokenizer.Words(f.Name + " " + f.Domain)) plain.Add(w);
        }

        _codes = codes.ToFrozenDictionary();
        _cxcs = cxcs.ToFrozenDictionary();
        _acronyms = Freeze(acronyms);
        _names = Freeze(names);
        _parameters = Freeze(parameters);
        _counters = Freeze(counters);
        _events = Freeze(events);
        _plainWords = plain.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Every exact fact the text names, with the features that own it.</summary>
    public void Match(string text, IReadOnlyList<RawToken> tokens, IReadOnlyList<string> terms, List<(RouteEvidence Evidence, int[] Ordinals)> into)
    {
        foreach (Match m in CodePattern().Matches(text))
        {
            if (_codes.TryGetValue(Tokenizer.LookupKey(m.Value), out var ordinal))
                into.Add((new RouteEvidence(MatchKind.Code, m.Value, 1), [ordinal]));
        }
        foreach (Match m in CxcPattern().Matches(text))
        {
            if (_cxcs.TryGetValue(Tokenizer.LookupKey(m.Value), out var ordinal))
                into.Add((new RouteEvidence(MatchKind.Cxc, m.Value, 1), [ordinal]));
        }

        foreach (var token in tokens)
        {
            var key = Tokenizer.LookupKey(token.Text);
            if (key.Length == 0) continue;
            if (_acronyms.TryGetValue(key, out var byAcronym) && IsAcronymUse(token, key))
                into.Add((new RouteEvidence(MatchKind.Acronym, token.Text, byAcronym.Length), byAcronym));
            if (!IsIdentifierUse(token, key)) continue;
            if (_parameters.TryGetValue(key, out var byParameter))
                into.Add((new RouteEvidence(MatchKind.Parameter, token.Text, byParameter.Length), byParameter));
            else if (token.Text.LastIndexOf('.') is > 0 and var dot && _parameters.TryGetValue(Tokenizer.LookupKey(token.Text.AsSpan(dot + 1)), out byParameter))
                into.Add((new RouteEvidence(MatchKind.Parameter, token.Text[(dot + 1)..], byParameter.Length), byParameter));
            if (_counters.TryGetValue(key, out var byCounter))
                into.Add((new RouteEvidence(MatchKind.Counter, token.Text, byCounter.Length), byCounter));
            if (_events.TryGetValue(key, out var byEvent))
                into.Add((new RouteEvidence(MatchKind.Event, token.Text, byEvent.Length), byEvent));
        }

        MatchNames(terms, into);
    }

    // Longest full feature names found as contiguous terms; a name inside a longer match is not counted again.
    private void MatchNames(IReadOnlyList<string> terms, List<(RouteEvidence, int[])> into)
    {
        var coveredUntil = -1;
        for (var start = 0; start < terms.Count; start++)
        {
            for (var length = Math.Min(_longestName, terms.Count - start); length >= 1; length--)
            {
                if (start + length - 1 <= coveredUntil) break;
                var phrase = string.Join(' ', terms.Skip(start).Take(length));
                if (_names.TryGetValue(phrase, out var ordinals))
                {
                    into.Add((new RouteEvidence(MatchKind.Name, phrase, ordinals.Length), ordinals));
                    coveredUntil = start + length - 1;
                    break;
                }
            }
        }
    }

    // Short acronyms ("CA", "P", "TO") collide with ordinary words, so they count only when written in capitals.
    private bool IsAcronymUse(RawToken token, string key) =>
        token.IsUpperCase || (key.Length >= 4 && !_plainWords.Contains(key) && !StopWords.Contains(key));

    // A lower-case ordinary word ("threshold", "mode") is not taken as a parameter or counter name.
    private bool IsIdentifierUse(RawToken token, string key)
    {
        foreach (var c in token.Text)
            if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '_' or '.') return token.Text.Length >= 3;
        return key.Length >= 3 && !_plainWords.Contains(key) && !StopWords.Contains(key) && !IsEnglishLike(key);
    }

    private static bool IsEnglishLike(string word) => CommonWords.Contains(word);

    private static readonly FrozenSet<string> CommonWords = new[]
    {
        "counter", "counters", "parameter", "parameters", "value", "values", "state", "mode", "time", "timer", "threshold",
        "enabled", "enable", "disable", "disabled", "active", "activate", "status", "priority", "level", "type", "list", "offset",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static void Add(Dictionary<string, List<int>> map, string key, int ordinal)
    {
        if (key.Length == 0) return;
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (list.Count == 0 || list[^1] != ordinal) list.Add(ordinal);
    }

    private static FrozenDictionary<string, int[]> Freeze(Dictionary<string, List<int>> map) =>
        map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    [GeneratedRegex(@"\b[A-Za-z]{3}[\s\-_]?\d{3}[\s\-_]?\d{4}\b")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\b[Cc][Xx][Cc][\s\-_]?\d{3}[\s\-_]?\d{4}\b")]
    private static partial Regex CxcPattern();
}
