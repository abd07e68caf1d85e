namespace Elex.SyncRelay;

/// <summary>The last <c>capacity</c> messages, oldest first; not thread-safe (the hub guards it).</summary>
internal sealed class MessageBacklog(int capacity)
{
    private readonly Queue<byte[]> _messages = new(capacity);

    public int Count => _messages.Count;

    public void Add(byte[] message)
    {
        if (capacity == 0) return;
        if (_messages.Count == capacity) _messages.Dequeue();
        _messages.Enqueue(message);
    }

    public IEnumerable<byte[]> OldestFirst() => _messages;
}
