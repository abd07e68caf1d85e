using Elex.Core.Agents;
using Elex.Orleans.Agents;
using Elex.Orleans.Contracts;
using Elex.Orleans.Hosting;
using Elex.Orleans.Storage;

namespace Elex.Orleans.Grains;

/// <summary>
/// A feature agent hosted by whichever silo activates it. Feedback is stored before it is
/// acknowledged, so a silo that dies loses no acknowledged learning: the next activation, on any
/// silo, reads it back. Answer counters are stored with each rating and when the grain deactivates;
/// a crash loses only the counts of answers given since the last write.
/// </summary>
internal sealed class FeatureAgentGrain(
    [PersistentState("agent", ElexAgentStorage.Name)] IPersistentState<AgentGrainState> stored,
    ElexAgentSettings settings,
    TimeProvider clock) : Grain, IFeatureAgentGrain
{
    private AgentActivation? _agent;
    private bool _unsavedAnswers;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        // An unknown key still activates, so every call can answer with an error naming it.
        if (AgentId.TryParse(key, out var code) && settings.Catalog.Find(code) is { } feature && AgentId.For(code) == key)
            _agent = AgentActivation.Restore(settings, feature, stored.State);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_agent is null || !_unsavedAnswers) return;
        stored.State = _agent.Capture();
        await stored.WriteStateAsync(cancellationToken);
    }

    public Task<AgentReply> AnswerAsync(AgentQuestion question)
    {
        var agent = Agent();
        var reply = agent.Answer(question, RuntimeIdentity, clock.GetUtcNow());
        _unsavedAnswers = true;
        return Task.FromResult(reply);
    }

    public async Task<LearnReply> LearnAsync(AgentFeedback feedback)
    {
        var agent = Agent();
        var before = agent.Capture();
        var reply = agent.Learn(feedback, RuntimeIdentity, clock.GetUtcNow().UtcTicks);
        if (reply.Repeated) return reply;
        stored.State = agent.Capture();
        try
        {
            await stored.WriteStateAsync();
        }
        catch (Exception e)
        {
            // Not stored means not learned: the activation goes back to what it knew, so memory never runs ahead of the store.
            stored.State = before;
            _agent = AgentActivation.Restore(settings, agent.Agent.Feature, before);
            throw new InvalidOperationException(
                $"{agent.Agent.Id} could not store what it learned from {feedback.ResponseId} ({e.Message}); nothing was learned, send the feedback again.");
        }
        _unsavedAnswers = false;
        return reply;
    }

    public Task<AgentGrainStatus> GetStatusAsync() => Task.FromResult(Agent().Status(RuntimeIdentity));

    private AgentActivation Agent() => _agent ?? throw UnknownAgent.Error(this.GetPrimaryKeyString());
}
