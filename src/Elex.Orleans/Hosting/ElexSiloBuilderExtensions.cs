using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Orleans.Storage;
using Elex.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Elex.Orleans.Hosting;

/// <summary>Hosting feature agents as grains on a silo.</summary>
public static class ElexSiloBuilderExtensions
{
    /// <summary>
    /// Hosts the catalog's feature agents on this silo, keeping their state in <paramref name="store"/>
    /// (every silo must share it: an agent reactivated elsewhere reads what it learned here).
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="catalog">The catalog (the client's too).</param>
    /// <param name="store">The agent-state store, e.g. <c>SqliteAgentStore</c>.</param>
    /// <param name="learning">How agents learn; the default options when null.</param>
    public static ISiloBuilder AddElexAgents(this ISiloBuilder silo, FeatureCatalog catalog, IAgentStore store, QLearningOptions? learning = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return silo.AddElexAgents(catalog, new AgentStoreGrainStorage(store), learning);
    }

    /// <summary>Hosts the catalog's feature agents on this silo with the given grain storage.</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="catalog">The catalog (the client's too).</param>
    /// <param name="storage">Grain storage for <see cref="AgentGrainState"/>, shared by every silo.</param>
    /// <param name="learning">How agents learn; the default options when null.</param>
    public static ISiloBuilder AddElexAgents(this ISiloBuilder silo, FeatureCatalog catalog, IGrainStorage storage, QLearningOptions? learning = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(storage);
        var settings = new ElexAgentSettings(catalog, (learning ?? new QLearningOptions()).Validate());
        silo.Services.AddSingleton(settings);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddGrainStorage(ElexAgentStorage.Name, (_, _) => storage);
        return silo;
    }
}
