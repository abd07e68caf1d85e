namespace Elex.Core.Queries;

/// <summary>
/// A question to the swarm. <see cref="Type"/> and <see cref="Complexity"/> are optional: when
/// given they win over the classifier.
/// </summary>
public sealed record Query
{
    /// <summary>Creates a query; a missing id is generated.</summary>
    public Query(string text, QueryType? type = null, Complexity? complexity = null, string? id = null, string? context = null)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Type = type;
        Complexity = complexity;
        Id = string.IsNullOrWhiteSpace(id) ? NewId() : id;
        Context = context;
    }

    /// <summary>The longest question the swarm takes (a question, not a document).</summary>
    public const int MaxLength = 4_000;

    /// <summary>The question text.</summary>
    public string Text { get; init; }
    /// <summary>An explicit query type, or null to classify.</summary>
    public QueryType? Type { get; init; }
    /// <summary>An explicit complexity, or null to classify.</summary>
    public Complexity? Complexity { get; init; }
    /// <summary>Caller's id, echoed in the response.</summary>
    public string Id { get; init; }
    /// <summary>Optional context hash (the seed's de-duplication key).</summary>
    public string? Context { get; init; }
    /// <summary>Answer with complete lists instead of cutting them at a dozen items (cut lists are always counted).</summary>
    public bool All { get; init; }
    /// <summary>
    /// The features of the conversation this question belongs to (set by a conversation session),
    /// or null: a follow-up that names no feature of its own is routed to them.
    /// </summary>
    internal Conversations.ConversationContext? Conversation { get; init; }

    // "q-" and the first 12 hex digits of a new GUID, written straight into the one string.
    private static string NewId() => string.Create(14, Guid.NewGuid(), static (chars, guid) =>
    {
        Span<char> hex = stackalloc char[32];
        guid.TryFormat(hex, out _, "N");
        chars[0] = 'q';
        chars[1] = '-';
        hex[..12].CopyTo(chars[2..]);
    });
}
