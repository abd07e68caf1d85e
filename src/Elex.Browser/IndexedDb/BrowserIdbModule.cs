using System.Globalization;
using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;

namespace Elex.Browser.IndexedDb;

/// <summary>
/// <see cref="IIdbModule"/> over <c>elex-idb.js</c> through [JSImport]: the same calls work in a
/// Blazor page, a plain page and Node (wherever <c>indexedDB</c> exists), without Blazor's IJSRuntime.
/// </summary>
[SupportedOSPlatform("browser")]
internal sealed partial class BrowserIdbModule : IIdbModule
{
    private const string ModuleName = "elex-idb";

    // Resolved against the runtime's own script in _framework/, so the same path works when served
    // from any base URL and from a file in Node.
    private const string ModuleUrl = "../_content/Elex.Browser/elex-idb.js";

    private static readonly Lazy<Task> Imported = new(() => JSHost.ImportAsync(ModuleName, ModuleUrl));

    private BrowserIdbModule()
    {
    }

    /// <summary>Imports the module once per runtime.</summary>
    public static async Task<BrowserIdbModule> LoadAsync()
    {
        try
        {
            await Imported.Value.ConfigureAwait(false);
        }
        catch (JSException e)
        {
            throw new IdbCallException($"[elex-idb:UNAVAILABLE] the module {ModuleUrl} could not be loaded: {e.Message}", e);
        }
        return new BrowserIdbModule();
    }

    public Task<int> OpenAsync(string name) => Call(() => Open(name));

    public int Version(int database)
    {
        try
        {
            return VersionOf(database);
        }
        catch (JSException e)
        {
            throw new IdbCallException(e.Message, e);
        }
    }

    public Task<int> PutBatchAsync(int database, byte[] packet) => Call(() => PutBatch(database, new ArraySegment<byte>(packet)));

    public double[] LastBatchTimings(int database)
    {
        try
        {
            return BatchTimings(database);
        }
        catch (JSException e)
        {
            throw new IdbCallException(e.Message, e);
        }
    }

    public async Task<byte[]> LoadAsync(int database, string store, string? agentId)
    {
        using var result = await Call(() => Load(database, store, agentId)).ConfigureAwait(false);
        return result.GetPropertyAsByteArray("packet") ?? [];
    }

    public Task ClearAgentAsync(int database, string agentId) => Call(async () =>
    {
        await ClearAgent(database, agentId).ConfigureAwait(false);
        return true;
    });

    public Task<string?> GetSettingAsync(int database, string key) => Call(() => GetSetting(database, key));

    public Task SetSettingAsync(int database, string key, string value) => Call(async () =>
    {
        await SetSetting(database, key, value).ConfigureAwait(false);
        return true;
    });

    public async Task<long[]> StatisticsAsync(int database)
    {
        var text = await Call(() => Statistics(database)).ConfigureAwait(false);
        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => long.Parse(n, CultureInfo.InvariantCulture))];
    }

    public void Close(int database)
    {
        try
        {
            CloseDatabase(database);
        }
        catch (JSException e)
        {
            throw new IdbCallException(e.Message, e);
        }
    }

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (JSException e)
        {
            throw new IdbCallException(e.Message, e);
        }
    }

    [JSImport("open", ModuleName)]
    [return: JSMarshalAs<JSType.Promise<JSType.Number>>]
    private static partial Task<int> Open(string name);

    [JSImport("version", ModuleName)]
    private static partial int VersionOf(int database);

    [JSImport("putBatch", ModuleName)]
    [return: JSMarshalAs<JSType.Promise<JSType.Number>>]
    // A view of the managed array, valid only until the call returns: elex-idb.js copies it at once
    // (one copy, where marshalling an array copied it twice through unmanaged memory).
    private static partial Task<int> PutBatch(int database, [JSMarshalAs<JSType.MemoryView>] ArraySegment<byte> packet);

    [JSImport("lastBatchTimings", ModuleName)]
    [return: JSMarshalAs<JSType.Array<JSType.Number>>]
    private static partial double[] BatchTimings(int database);

    [JSImport("load", ModuleName)]
    [return: JSMarshalAs<JSType.Promise<JSType.Object>>]
    private static partial Task<JSObject> Load(int database, string store, string? agentId);

    [JSImport("clearAgent", ModuleName)]
    [return: JSMarshalAs<JSType.Promise<JSType.Void>>]
    private static partial Task ClearAgent(int database, string agentId);

    [JSImport("getSetting", ModuleName)]
    [return: JSMarshalAs<JSType.Promise<JSType.String>>]
    private static partial Task<string?> GetSetting(int database, string key);

    [JSImport("setSetting", ModuleName)]
    [return: JSMarshalAs<JSType.Promise<JSType.Void>>]
    private static partial Task SetSetting(int database, string key, string value);

    [JSImport("statistics", ModuleName)]
    [return: JSMarshalAs<JSType.Promise<JSType.String>>]
    private static partial Task<string> Statistics(int database);

    [JSImport("close", ModuleName)]
    private static partial void CloseDatabase(int database);
}
