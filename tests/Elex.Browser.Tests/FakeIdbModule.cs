using Elex.Browser.IndexedDb;

namespace Elex.Browser.Tests;

/// <summary>
/// Stands in for elex-idb.js: keeps rows in dictionaries the way the module keeps them in object
/// stores (packets in, packets out), records every call, and fails on demand.
/// </summary>
internal sealed class FakeIdbModule : IIdbModule
{
    private readonly SortedDictionary<string, byte[]> _qTables = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string, string), byte[]> _trajectories = [];
    private readonly SortedDictionary<string, byte[]> _agentStates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _settings = [];

    public List<string> Calls { get; } = [];
    public List<byte[]> Packets { get; } = [];
    public Func<string, string?> FailWith { get; set; } = _ => null;
    public int Closed { get; private set; }

    public Task<int> OpenAsync(string name) => Run("open", () => 7);

    public int Version(int database) => 1;

    public Task<int> PutBatchAsync(int database, byte[] packet) => Run("putBatch", () =>
    {
        Packets.Add(packet);
        var sections = IdbPacket.ReadSections(packet, 3);
        foreach (var row in sections[0]) _qTables[row.Key] = row.Payload.ToArray();
        foreach (var row in sections[1]) _trajectories[(row.Key, row.SubKey!)] = row.Payload.ToArray();
        foreach (var row in sections[2]) _agentStates[row.Key] = row.Payload.ToArray();
        return sections.Sum(s => s.Count);
    });

    /// <summary>What <see cref="LastBatchTimings"/> answers: the module's unpack, put and commit phases in ms.</summary>
    public double[] Phases { get; set; } = [];

    public double[] LastBatchTimings(int database) => Phases;

    public Task<byte[]> LoadAsync(int database, string store, string? agentId) => Run("load:" + store, () => store switch
    {
        "q_tables" => IdbPacket.Write([.. _qTables.Select(p => new IdbPacket.Row(p.Key, null, p.Value))]),
        "trajectories" => IdbPacket.Write([.. _trajectories.Where(p => agentId is null || p.Key.Item1 == agentId).Select(p => new IdbPacket.Row(p.Key.Item1, p.Key.Item2, p.Value))]),
        "agent_state" => IdbPacket.Write([.. _agentStates.Select(p => new IdbPacket.Row(p.Key, null, p.Value))]),
        _ => throw new IdbCallException($"[elex-idb:FAILED] there is no agent store '{store}'"),
    });

    public Task ClearAgentAsync(int database, string agentId) => Run("clearAgent", () =>
    {
        _qTables.Remove(agentId);
        _agentStates.Remove(agentId);
        foreach (var key in _trajectories.Keys.Where(k => k.Item1 == agentId).ToList()) _trajectories.Remove(key);
        return true;
    });

    public Task<string?> GetSettingAsync(int database, string key) => Run("getSetting", () => _settings.GetValueOrDefault(key));

    public Task SetSettingAsync(int database, string key, string value) => Run("setSetting", () => _settings[key] = value);

    public Task<long[]> StatisticsAsync(int database) => Run("statistics", () => new long[]
    {
        _qTables.Count, _qTables.Values.Sum(v => (long)v.Length),
        _trajectories.Count, _trajectories.Values.Sum(v => (long)v.Length),
        _agentStates.Count, _agentStates.Values.Sum(v => (long)v.Length),
    });

    public void Close(int database)
    {
        Calls.Add("close");
        Closed++;
    }

    private Task<T> Run<T>(string call, Func<T> body)
    {
        Calls.Add(call);
        if (FailWith(call) is { } message) return Task.FromException<T>(new IdbCallException(message));
        return Task.FromResult(body());
    }
}
