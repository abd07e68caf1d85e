using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Elex.Core.Text;

namespace Elex.Core.Queries;

/// <summary>
/// Classifies a question's type and complexity from its wording. Each type has cue words and
/// patterns with weights; the highest total wins, ties going to the more specific type, and
/// General when nothing speaks. An explicit type or complexity on the query always wins.
/// </summary>
internal static partial class QueryClassifier
{
    private static readonly (QueryType Type, float Weight, string[] Cues)[] WordCues =
    [
        (QueryType.Counter, 2.0f, ["counter", "counters", "pm", "statistics", "stats", "measure", "measures", "measured", "measurement", "pmcounter"]),
        (QueryType.Kpi, 2.0f, ["kpi", "kpis", "retainability", "accessibility", "integrity", "availability", "mobility success", "indicator", "indicators"]),
        (QueryType.Parameter, 2.0f, ["parameter", "parameters", "attribute", "attributes", "setting", "settings", "value", "values", "default", "range", "tune", "tuning", "mo", "configure", "configured", "set", "threshold", "thresholds", "timer", "timers", "offset", "offsets", "hysteresis"]),
        (QueryType.Procedure, 2.0f, ["activate", "activation", "deactivate", "deactivation", "enable", "disable", "turn", "install", "deploy", "deploying", "rollout", "steps", "procedure", "enabling", "activating", "deactivating", "disabling", "cmedit", "unlock", "license", "licence", "licenses", "licences", "prerequisite", "prerequisites"]),
        (QueryType.Troubleshoot, 2.5f, ["troubleshoot", "troubleshooting", "problem", "problems", "issue", "issues", "fail", "fails", "failing", "failure", "failures", "broken", "wrong", "drop", "drops", "dropping", "degraded", "degradation", "alarm", "alarms", "error", "errors", "why", "stuck", "effect"]),
    ];

    private static readonly (QueryType Type, float Weight, Regex Pattern)[] PatternCues =
    [
        (QueryType.Counter, 3.0f, CounterName()),
        (QueryType.Counter, 1.5f, MonitorCue()),
        (QueryType.Counter, 2.0f, AsksForCounters()),
        (QueryType.Kpi, 2.0f, AsksForKpis()),
        (QueryType.Parameter, 3.0f, AssignCue()),
        (QueryType.Parameter, 3.0f, ParameterChange.ChangePattern),
        (QueryType.Procedure, 2.5f, ProcedureCue()),
        (QueryType.Troubleshoot, 3.0f, TroubleCue()),
        (QueryType.Kpi, 2.0f, KpiCue()),
        (QueryType.General, 2.5f, WhatIsCue()),
    ];

    // Every cue word once, whatever its case, with the types it speaks for: no lower-casing per word.
    private static readonly FrozenDictionary<string, (QueryType Type, float Weight)[]> CueWords = WordCues
        .SelectMany(c => c.Cues.Select(word => (word, c.Type, c.Weight)))
        .GroupBy(c => c.word, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.Select(c => (c.Type, c.Weight)).ToArray(), StringComparer.OrdinalIgnoreCase);

    // Node types written in camel case ("roll it out on a gNB") name where, not which parameter.
    private static readonly FrozenSet<string> NodeTypes = FrozenSet.ToFrozenSet(["gNB", "eNB", "gNodeB", "eNodeB", "nodeB", "ngENB", "enGNB"], StringComparer.Ordinal);

    // Counter and parameter questions are narrower than procedure and troubleshooting ones, so they win ties.
    private static readonly QueryType[] TieOrder = [QueryType.Counter, QueryType.Kpi, QueryType.Parameter, QueryType.Troubleshoot, QueryType.Procedure, QueryType.General];

    /// <summary>Classifies a question, honouring an explicit type and complexity.</summary>
    public static Classification Classify(string text, QueryType? explicitType = null, Complexity? explicitComplexity = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = t_words ??= [];
        words.Clear();
        if (explicitType is null || explicitComplexity is null) Tokenizer.RawTokens(text, words);
        var type = explicitType ?? CueType(text, words) ?? QueryType.General;
        var complexity = explicitComplexity ?? ClassifyComplexity(text, words.Count);
        words.Clear();
        return new Classification(type, complexity, explicitType is not null, explicitComplexity is not null);
    }

    // The question's tokens, per thread: classifying allocates nothing of its own.
    [ThreadStatic] private static List<RawToken>? t_words;

    /// <summary>The type the wording suggests.</summary>
    public static QueryType ClassifyType(string text) => CueType(text) ?? QueryType.General;

    /// <summary>The type the wording's cues point to, or null when no cue speaks at all ("and for IFO?").</summary>
    public static QueryType? CueType(string text) => CueType(text, Tokenizer.RawTokens(text));

    private static QueryType? CueType(string text, List<RawToken> words)
    {
        Span<float> scores = stackalloc float[6];
        foreach (var word in words)
        {
            if (!CueWords.TryGetValue(word.Text, out var cues)) continue;
            foreach (var (type, weight) in cues) scores[(int)type] += weight;
        }
        // A camelCase identifier that is not a pm counter names a parameter; a node or cell the question
        // names ("node ERBS_4711") is a target, not a parameter.
        var target = CommandTarget.Find(text);
        foreach (var word in words)
        {
            if (word.Text == target.Node || word.Text == target.Instance || NodeTypes.Contains(word.Text)) continue;
            if (TermAnalyzer.IsIdentifier(word.Text) && !word.Text.StartsWith("pm", StringComparison.Ordinal))
            {
                scores[(int)QueryType.Parameter] += 3.0f;
                break;
            }
        }
        foreach (var (type, weight, pattern) in PatternCues)
        {
            if (pattern.IsMatch(text)) scores[(int)type] += weight;
        }

        QueryType? best = null;
        var bestScore = 0f;
        foreach (var type in TieOrder)
        {
            if (scores[(int)type] > bestScore)
            {
                best = type;
                bestScore = scores[(int)type];
            }
        }
        return best;
    }

    /// <summary>The complexity the wording suggests: length, clauses, comparisons and multi-step asks.</summary>
    public static Complexity ClassifyComplexity(string text) => ClassifyComplexity(text, Tokenizer.RawTokens(text).Count);

    private static Complexity ClassifyComplexity(string text, int words)
    {
        var points = 0;
        if (words > 12) points++;
        if (words > 25) points++;
        points += ComplexCue().Count(text);
        points += Math.Max(0, text.AsSpan().Count('?') - 1);
        return points switch
        {
            0 => Complexity.Simple,
            1 or 2 => Complexity.Moderate,
            _ => Complexity.Complex,
        };
    }

    [GeneratedRegex(@"\bhow (?:do|can) (?:i|we) (?:monitor|observe|see|verify)\b|\bis (?:it )?working\b|\bshow(?:s)? (?:that|if|whether)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonitorCue();

    // "P=V"; "set P to V" and its other forms are the change pattern itself (ParameterChange), so what is read as a
    // change is also classified as one.
    [GeneratedRegex(@"\w\s*=\s*[\w.-]")]
    private static partial Regex AssignCue();

    [GeneratedRegex(@"\bhow (?:do|can|should) (?:i|we|you) (?:turn on|turn off|activate|enable|deactivate|disable|deploy|roll out|switch on|switch off)\b|\bturn(?:ing)? (?:on|off)\b|\bswitch(?:ing)? (?:on|off)\b|\bbefore (?:deploying|activating|enabling)\b|\bbefore\b.{0,40}\b(?:be|is|gets?) (?:activated|enabled|deployed|turned on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProcedureCue();

    [GeneratedRegex(@"\bnot (?:work|active|activ|working|enabled|effective|increasing|improving)|\bno effect\b|\bdoes(?:n't| not)\b|\bisn't\b|\bwhat is going on\b|\bwhat'?s wrong\b|\bincreas(?:ing|es) (?:fast|rapidly)\b|\bdegrad|\bnever\b|\bnot \w+ing\b|\b(?:activated|enabled|active|on),? but\b|\bwhat should (?:i|we) (?:check|look at)\b|\b(?:won't|doesn't|does not|didn't) (?:kick|trigger|start|happen)", RegexOptions.IgnoreCase)]
    private static partial Regex TroubleCue();

    // "What is X …" asks for a summary even when it also mentions a licence or a counter in passing.
    [GeneratedRegex(@"^\s*(?:what\s+is|what's|whats|explain|describe|tell\s+me\s+about|overview\s+of|give\s+me\s+an?\s+(?:quick\s+|short\s+)?(?:summary|overview))\b(?!\s+(?:the|a|an)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex WhatIsCue();

    [GeneratedRegex(@"\bkey performance\b|\bsuccess rate\b|\bthroughput\b|\blatency\b", RegexOptions.IgnoreCase)]
    private static partial Regex KpiCue();

    // "Which counters …", "what KPI should I watch …": what the question wants back, whatever else it mentions
    // ("… show handover drops", "… after turning on IFLB").
    [GeneratedRegex(@"\b(?:what|which)\s+(?:pm\s+)?counters?\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForCounters();

    [GeneratedRegex(@"\b(?:what|which)\s+kpis?\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForKpis();

    [GeneratedRegex(@"\bpm[A-Z][A-Za-z0-9]+\b")]
    private static partial Regex CounterName();

    [GeneratedRegex(@"\b(?:compare|versus|vs\.?|trade-?offs?|optimi[sz]e|interaction|interactions|conflicts?|depend(?:s|encies|ency)?|impact|while|across|multiple|and also|step[- ]by[- ]step|root cause|end[- ]to[- ]end)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ComplexCue();
}
