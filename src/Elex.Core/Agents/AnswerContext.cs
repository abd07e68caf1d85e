using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Core.Queries;
using Elex.Core.Responses;

namespace Elex.Core.Agents;

/// <summary>What an agent knows about the question it answers.</summary>
internal sealed record AnswerContext(string Text, Classification Classification)
{
    private IReadOnlyList<ParameterChange>? _changes;
    private CommandTarget? _target;

    /// <summary>Parameter changes the question asks for; read from the text when first needed.</summary>
    public IReadOnlyList<ParameterChange> Changes
    {
        get => _changes ??= ParameterChange.Find(Text);
        init => _changes = value;
    }

    /// <summary>The node and MO instance the question names, used in proposed commands instead of placeholders; read when first needed.</summary>
    public CommandTarget Target
    {
        get => _target ??= Changes is [var first, ..] ? first.Target : CommandTarget.Find(Text);
        init => _target = value;
    }

    /// <summary>Two or more features the question compares (a side-by-side answer); empty otherwise.</summary>
    public IReadOnlyList<Feature> Compared { get; init; } = [];

    /// <summary>Lists complete instead of cut at a dozen (still counted when cut).</summary>
    public bool ShowAll { get; init; }

    /// <summary>The router's confidence in this agent (0–1); part of the learning state.</summary>
    public float RouteConfidence { get; init; } = 1f;

    /// <summary>The features the router ranked next, best first (for clarification questions).</summary>
    public IReadOnlyList<Feature> Alternatives { get; init; } = [];

    /// <summary>Asks the best alternative agent for its direct answer (the ConsultPeer action); null when there is none.</summary>
    public Func<AgentAnswer?>? ConsultPeer { get; init; }

    /// <summary>An action to take instead of asking the policy (a peer consulted by another agent answers directly).</summary>
    public ResponseAction? ForcedAction { get; init; }

    private Routing.Glosses.Rat? _rat;

    /// <summary>The radio technology the question names (LTE, NR), or Any; read from the text when first needed (only listing answers need it).</summary>
    public Routing.Glosses.Rat Rat
    {
        get => _rat ??= DetectRat(Text);
        init => _rat = value;
    }

    /// <summary>The radio technology the router already read from this same text, when it did (null: read it here when needed).</summary>
    public Routing.Glosses.Rat? RatReadByRouter { init => _rat = value; }

    /// <summary>
    /// True for a managed-object class of the other radio technology than the one the question names:
    /// an answer about LTE does not list NR cell parameters, and the reverse.
    /// </summary>
    public bool IsOtherRat(string mo) => IsOtherRat(Routing.Glosses.ManagedObjectRat.Of(mo));

    /// <summary>True for a managed object of <paramref name="moRat"/> when the question names the other radio technology.</summary>
    public bool IsOtherRat(Routing.Glosses.Rat moRat) => Routing.QuestionRat.Contradicts(Rat, moRat);

    private HashSet<string>? _terms;
    private HashSet<string>? _keys;

    /// <summary>The question's normalised terms (stemmed, stop words out), computed once.</summary>
    internal HashSet<string> Terms => _terms ??= QuestionTerms.Of(Text);

    /// <summary>The exact-lookup keys of the question's tokens (an MO-qualified name counts by its attribute), computed once.</summary>
    internal HashSet<string> LookupKeys => _keys ??= QuestionTerms.LookupKeysOf(Text);

    private static Routing.Glosses.Rat DetectRat(string text) => QuestionTerms.WithAnalysis(text, Routing.QuestionRat.Detect);

    /// <summary>True when the question asks to switch the feature off rather than on.</summary>
    public bool WantsDeactivation { get; init; } =
        Text.Contains("deactivat", StringComparison.OrdinalIgnoreCase)
        || Text.Contains("disable", StringComparison.OrdinalIgnoreCase)
        || Text.Contains("turn off", StringComparison.OrdinalIgnoreCase)
        || Text.Contains("turning off", StringComparison.OrdinalIgnoreCase)
        || Text.Contains("switch off", StringComparison.OrdinalIgnoreCase)
        || Text.Contains("switching off", StringComparison.OrdinalIgnoreCase);
}
