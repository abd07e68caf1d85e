namespace Elex.Storage.Encryption;

/// <summary>How a new encrypted store derives its key. An existing store keeps the parameters it was created with.</summary>
public sealed record EncryptionOptions
{
    /// <summary>PBKDF2-HMAC-SHA256 iterations for a new store (OWASP's 2023 recommendation).</summary>
    public const int DefaultIterations = 210_000;

    /// <summary>
    /// PBKDF2 iterations for a new store; ignored when the store already has its encryption setting
    /// (the stored count is used so the same passphrase keeps deriving the same key).
    /// </summary>
    public int Iterations { get; init; } = DefaultIterations;
}
