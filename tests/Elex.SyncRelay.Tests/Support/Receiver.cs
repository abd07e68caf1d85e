using Elex.Sync.Transport;

namespace Elex.SyncRelay.Tests.Support;

/// <summary>Reads a transport's messages one at a time, each await guarded.</summary>
internal sealed class Receiver(ISyncTransport transport)
{
    private readonly IAsyncEnumerator<byte[]> _messages = transport.ReceiveAllAsync().GetAsyncEnumerator();

    public async Task<byte[]> NextAsync()
    {
        if (!await _messages.MoveNextAsync().AsTask().Guarded()) throw new InvalidOperationException("The transport closed instead of receiving.");
        return _messages.Current;
    }

    public async Task<string> NextTextAsync() => Messages.Text(await NextAsync());

    public async Task<List<string>> NextTextsAsync(int count)
    {
        var texts = new List<string>(count);
        for (var i = 0; i < count; i++) texts.Add(await NextTextAsync());
        return texts;
    }

    /// <summary>True when the enumeration ended normally; throws what it threw otherwise.</summary>
    public async Task<bool> EndedAsync() => !await _messages.MoveNextAsync().AsTask().Guarded();
}
