using System.Reactive.Linq;
using Elex.Core.Responses;
using Elex.Core.Safety;

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
        return source.Select(response => Validate(response, validator));
    }

    /// <summary>
    /// The same stage for pipelines that carry a response inside another value (a pair, an item):
    /// <paramref name="getResponse"/> takes the response out, <paramref name="withResponse"/> puts the
    /// validated one back. A value whose response has no commands passes unchanged (the same instance).
    /// A validator failure rejects that response's commands; an exception from
    /// <paramref name="getResponse"/> or <paramref name="withResponse"/> ends the stream with OnError.
    /// </summary>
    public static IObservable<T> ValidateSafety<T>(
        this IObservable<T> source,
        SafetyValidator validator,
        Func<T, QueryResponse> getResponse,
        Func<T, QueryResponse, T> withResponse)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(getResponse);
        ArgumentNullException.ThrowIfNull(withResponse);
        return source.Select(value =>
        {
            var response = getResponse(value);
            var validated = Validate(response, validator);
            return ReferenceEquals(validated, response) ? value : withResponse(value, validated);
        });
    }

    private static QueryResponse Validate(QueryResponse response, SafetyValidator validator)
    {
        if (response is null || response.Commands.Count == 0) return response!;
        IReadOnlyList<ProposedCommand> commands;
        try
        {
            commands = validator.Apply(response.Commands);
        }
        catch (Exception e)
        {
            var reason = FailurePrefix + e.Message;
            commands = response.Commands
                .Where(c => c is not null)
                .Select(c => c with { Safety = SafetyStatus.Rejected, SafetyReason = reason })
                .ToList();
        }
        return response with { Commands = commands };
    }
}
