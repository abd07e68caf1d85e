using System.Diagnostics.CodeAnalysis;

namespace Elex.Sync;

/// <summary>What <see cref="DeltaVerifier.Verify"/> decided about received bytes, and why, in words fit for a log.</summary>
public sealed class DeltaVerdict
{
    internal DeltaVerdict(DeltaStatus status, string message, QTableDelta? delta, SwarmPublicKey? origin)
    {
        Status = status;
        Message = message;
        Delta = delta;
        Origin = origin;
    }

    /// <summary>Accepted, or the reason for rejection.</summary>
    public DeltaStatus Status { get; }

    /// <summary>True when the delta was accepted (and <see cref="Delta"/> can be applied).</summary>
    [MemberNotNullWhen(true, nameof(Delta), nameof(Origin))]
    public bool IsAccepted => Status == DeltaStatus.Accepted;

    /// <summary>A one-line explanation naming the origin's key id and the sequence where known.</summary>
    public string Message { get; }

    /// <summary>The accepted delta; null unless <see cref="IsAccepted"/>.</summary>
    public QTableDelta? Delta { get; }

    /// <summary>The claimed origin when the bytes were well formed enough to name one (unauthenticated unless accepted).</summary>
    public SwarmPublicKey? Origin { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Status}: {Message}";
}
