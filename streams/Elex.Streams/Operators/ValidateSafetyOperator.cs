using System.Reactive.Linq;
using Elex.Core.Responses;
using Elex.Core.Safety;
using Elex.Streams.Pipeline;

namespace Elex.Streams.Operators;

/// <summary>The safety stage: gives every proposed command a verdict from the safe zones.</summary>
public static class ValidateSafetyOperator
{
    /// <summary>The reason prefix of a command rejected because the validator itself failed.</summary>
    public const string FailurePrefix = "safety validation failed: ";

    /// <summary>
    /// Each response with every proposed command given its verdict (<see cref="SafetyValidator.Apply(IReadOnlyList{ProposedCommand})"/>).
    /// A response without commands passes unchanged (the same instance). If the validator throws for a
    /// response, that response's commands are all Rejected ("safety validation failed: ...") and the
    /// stream goes on: the stage fails closed.
    /// </summary>
    public static IObservable<QueryResponse> ValidateSafety(this IObservable<QueryResponse> source, SafetyValidator validator)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(validator);
        return source.Select(response => Validate(response, validator, out _));
    }

    /// <summary>
    /// The same stage inside the query graph: each item's response with every command given its
    /// verdict. An item without a response, or whose response has no commands, passes unchanged
    /// (the same instance); so does a failed item, whose Error response proposes nothing. When the
    /// validator throws, the item's commands are all Rejected and the item is marked failed in
    /// <c>safety</c> (its response stays the one callers get; a streamed query ends with an Error part).
    /// </summary>
    internal static IObservable<PipelineItem> ValidateSafety(this IObservable<PipelineItem> source, SafetyValidator validator)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(validator);
        Func<PipelineItem, PipelineItem> validate = item =>
        {
            if (item.Response is not { } response) return item;
            var validated = Validate(response, validator, out var failure);
            if (failure is not null) return item.Fail(SafetyStage, failure) with { Response = validated };
            return ReferenceEquals(validated, response) ? item : item with { Response = validated };
        };
        return source.Select(item => item.Traced("validate-safety", validate));
    }

    /// <summary>The stage a failed validation names.</summary>
    internal const string SafetyStage = "safety";

    private static QueryResponse Validate(QueryResponse response, SafetyValidator validator, out Exception? failure)
    {
        failure = null;
        if (response is null || response.Commands.Count == 0) return response!;
        IReadOnlyList<ProposedCommand> commands;
        try
        {
            commands = validator.Apply(response.Commands);
        }
        catch (Exception e)
        {
            failure = e;
            var reason = FailurePrefix + e.Message;
            commands = response.Commands
                .Where(c => c is not null)
                .Select(c => c with { Safety = SafetyStatus.Rejected, SafetyReason = reason })
                .ToList();
        }
        return response with { Commands = commands };
    }
}
