namespace Elex.Sync;

/// <summary>
/// The public keys whose deltas this swarm accepts. The swarm's own key is always trusted (it
/// cannot be removed), so its own deltas verify whatever the list holds. Persisted as text, one
/// <c>ed25519-pub:&lt;base64&gt;</c> per line. Not thread-safe: the owner serialises access.
/// </summary>
public sealed class TrustList
{
    private readonly SortedSet<SwarmPublicKey> _keys = [];

    /// <summary>An empty list (apart from <paramref name="self"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="self"/> is null.</exception>
    public TrustList(SwarmPublicKey self)
    {
        ArgumentNullException.ThrowIfNull(self);
        Self = self;
    }

    /// <summary>The swarm's own key, trusted implicitly.</summary>
    public SwarmPublicKey Self { get; }

    /// <summary>The explicitly trusted keys, in key order (<see cref="Self"/> only if it was added).</summary>
    public IReadOnlyCollection<SwarmPublicKey> Keys => _keys;

    /// <summary>The number of explicitly trusted keys.</summary>
    public int Count => _keys.Count;

    /// <summary>Trusts a key; false when it already was trusted.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The key is not a point on the Ed25519 curve, so no signature could ever verify under it.</exception>
    public bool Add(SwarmPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.IsValidPoint) throw new ArgumentException($"Key {key.KeyId} is not a point on the Ed25519 curve.", nameof(key));
        return _keys.Add(key);
    }

    /// <summary>Stops trusting a key; false when it was not in the list. <see cref="Self"/> stays trusted regardless.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Remove(SwarmPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _keys.Remove(key);
    }

    /// <summary>True when deltas signed by <paramref name="key"/> are trusted: it is <see cref="Self"/> or in the list.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool Contains(SwarmPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key == Self || _keys.Contains(key);
    }

    /// <summary>The explicitly trusted keys, one <c>ed25519-pub:&lt;base64&gt;</c> per line in key order, as read by <see cref="Parse"/>.</summary>
    public override string ToString() => string.Join('\n', _keys.Select(k => k.ToString()));

    /// <summary>
    /// A list from text: keys separated by line breaks, commas or white space; blank lines and
    /// lines starting with '#' are skipped; duplicates are allowed (they are one key).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FormatException">An entry is not a public key; the message names its line.</exception>
    public static TrustList Parse(string text, SwarmPublicKey self)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new TrustList(self);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            foreach (var entry in line.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!SwarmPublicKey.TryParse(entry, out var key, out var error))
                    throw new FormatException($"Trust list line {i + 1}: {error}");
                list._keys.Add(key);
            }
        }
        return list;
    }
}
