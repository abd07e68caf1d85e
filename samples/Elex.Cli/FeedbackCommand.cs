using System.CommandLine;
using Elex.Core.Learning;
using Elex.Streams;

namespace Elex.Cli;

/// <summary><c>elex feedback &lt;responseId&gt; --reward R [--success]</c>: teach the agent behind an earlier answer.</summary>
internal static class FeedbackCommand
{
    public static Command Create(Option<string?> catalogOption, Option<string?> dataOption, TextWriter output, TextWriter error)
    {
        var responseId = new Argument<string?>("responseId") { Description = "The responseId printed with an earlier answer.", Arity = ArgumentArity.ZeroOrOne };
        var agent = new Option<string?>("--agent") { Description = "Instead of a response id: the agent (or feature code) whose last answer this is about." };
        var reward = new Option<float>("--reward") { Description = "Reward from -1 (wrong) to 1 (exactly right).", Required = true };
        var success = new Option<bool>("--success") { Description = "The answer solved the problem." };
        var command = new Command("feedback", "Give feedback on an earlier answer so its agent learns.") { responseId, agent, reward, success };
        command.SetAction(async (parse, cancellation) =>
        {
            var id = parse.GetValue(responseId);
            var agentId = parse.GetValue(agent);
            if (string.IsNullOrWhiteSpace(id) == string.IsNullOrWhiteSpace(agentId))
            {
                error.WriteLine("elex feedback: give either a response id or --agent, not both.");
                return ExitCodes.Usage;
            }
            var catalog = CatalogSource.Load(parse.GetValue(catalogOption));
            await using var host = await SwarmHost.StartAsync(catalog, new SwarmConfig(), parse.GetValue(dataOption), error, cancellation);
            var result = await host.Swarm.FeedbackAsync(new Feedback(id, agentId, parse.GetValue(reward), parse.GetValue(success)));
            if (!result.Applied)
            {
                error.WriteLine($"elex feedback: {result.Message}");
                return ExitCodes.Usage;
            }
            output.WriteLine(result.Message);
            if (result.AgentId is { } learned && host.Swarm.GetAgentStats(learned) is { } stats)
                output.WriteLine($"{stats.AgentId}: lifecycle {stats.Lifecycle}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
