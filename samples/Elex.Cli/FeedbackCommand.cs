using System.CommandLine;
using Elex.Core.Learning;
using Elex.Streams;

namespace Elex.Cli;

/// <summary>
/// <c>elex feedback &lt;responseId&gt; --reward R [--success]</c>: teach the agent behind an earlier answer;
/// <c>--correct CODE</c>: name the feature that should have answered, which teaches the router.
/// </summary>
internal static class FeedbackCommand
{
    public static Command Create(Option<string?> catalogOption, Option<string?> dataOption, TextWriter output, TextWriter error)
    {
        var responseId = new Argument<string?>("responseId") { Description = "The responseId printed with an earlier answer.", Arity = ArgumentArity.ZeroOrOne };
        var agent = new Option<string?>("--agent") { Description = "Instead of a response id: the agent (or feature code) whose last answer this is about." };
        var reward = OptionValues.Number("--reward", "Reward from -1 (wrong) to 1 (exactly right); with --correct alone, -1 for the agent that answered.", -1f, 1f);
        var correct = new Option<string?>("--correct") { Description = "The feature code that should have answered (e.g. \"FAJ 121 3009\"): the router learns to send questions like this one there." };
        var success = new Option<bool?>("--success") { Description = "The answer solved the problem (--success false: it did not). Without it, a reward above 0 counts as success." };
        var command = new Command("feedback", "Give feedback on an earlier answer so its agent learns.") { responseId, agent, reward, success, correct };
        command.SetAction(async (parse, cancellation) =>
        {
            var id = parse.GetValue(responseId);
            var agentId = parse.GetValue(agent);
            if (string.IsNullOrWhiteSpace(id) == string.IsNullOrWhiteSpace(agentId))
            {
                error.WriteLine("elex feedback: give either a response id or --agent, not both.");
                return ExitCodes.Usage;
            }
            var correction = parse.GetValue(correct);
            if (correction is not null && string.IsNullOrWhiteSpace(id))
            {
                error.WriteLine("elex feedback: --correct needs the response id of the answer it corrects.");
                return ExitCodes.Usage;
            }
            if (correction is null && parse.GetValue(reward) is null)
            {
                error.WriteLine("elex feedback: give --reward (from -1 to 1), --correct CODE, or both.");
                return ExitCodes.Usage;
            }
            var source = CatalogSource.Open(parse.GetValue(catalogOption));
            await using var host = await SwarmHost.StartAsync(source, new SwarmConfig(), parse.GetValue(dataOption), error, cancellation, semantic: correction is not null);
            if (correction is not null)
            {
                var corrected = await host.Swarm.CorrectAsync(id!, correction, cancellation);
                if (!corrected.Applied)
                {
                    error.WriteLine($"elex feedback: {corrected.Message}");
                    return ExitCodes.Usage;
                }
                output.WriteLine($"{corrected.Message} ({corrected.LearnedRoutes} learned route(s))");
                // The agent that answered was wrong; an Unsure response had none, which is fine.
                var penaltyReward = parse.GetValue(reward) ?? -1f;
                var penalty = await host.Swarm.FeedbackAsync(new Feedback(id, null, penaltyReward, parse.GetValue(success) ?? penaltyReward > 0));
                if (penalty.Applied) WriteLearned(output, host, penalty);
                return ExitCodes.Ok;
            }
            var rewardValue = parse.GetValue(reward)!.Value;
            var result = await host.Swarm.FeedbackAsync(new Feedback(id, agentId, rewardValue, parse.GetValue(success) ?? rewardValue > 0));
            if (!result.Applied)
            {
                error.WriteLine($"elex feedback: {result.Message}");
                return ExitCodes.Usage;
            }
            WriteLearned(output, host, result);
            return ExitCodes.Ok;
        });
        return command;
    }

    // What was learned, then where the agent stands now — read while the swarm is still running.
    private static void WriteLearned(TextWriter output, SwarmHost host, FeedbackResult result)
    {
        output.WriteLine(result.Message);
        if (result.AgentId is { } learned && host.Swarm.GetAgentStats(learned) is { } stats)
            output.WriteLine(AgentSummary.Describe(stats));
    }
}
