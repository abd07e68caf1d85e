using Elex.Core.Responses;

namespace Elex.Core.Conversations;

/// <summary>One step of a conversation: a question answered, or the engineer asking to start afresh.</summary>
internal sealed class ConversationTurn
{
    private ConversationTurn(QueryResponse? response) => Response = response;

    /// <summary>Forget the features in context.</summary>
    public static ConversationTurn Reset { get; } = new(null);

    /// <summary>A question of the conversation and the swarm's response to it.</summary>
    public static ConversationTurn Answered(QueryResponse response) => new(response ?? throw new ArgumentNullException(nameof(response)));

    /// <summary>The response, or null for <see cref="Reset"/>.</summary>
    public QueryResponse? Response { get; }

    /// <summary>True for <see cref="Reset"/>.</summary>
    public bool IsReset => Response is null;

    /// <summary>The context after this turn.</summary>
    public ConversationContext Apply(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Response is null ? ConversationContext.Empty : context.After(Response);
    }

    /// <inheritdoc />
    public override string ToString() => Response is null ? "reset" : $"answered {Response.QueryId}";
}
