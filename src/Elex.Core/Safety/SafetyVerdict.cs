using Elex.Core.Responses;

namespace Elex.Core.Safety;

/// <summary>The safety stage's verdict on one proposed command, with the reason an engineer reads.</summary>
/// <param name="Status">Safe, NeedsApproval or Rejected.</param>
/// <param name="Reason">Why, naming the zone, the bound or the value at fault.</param>
public sealed record SafetyVerdict(SafetyStatus Status, string Reason)
{
    /// <summary>A Safe verdict.</summary>
    public static SafetyVerdict Safe(string reason) => new(SafetyStatus.Safe, reason);

    /// <summary>A NeedsApproval verdict.</summary>
    public static SafetyVerdict NeedsApproval(string reason) => new(SafetyStatus.NeedsApproval, reason);

    /// <summary>A Rejected verdict.</summary>
    public static SafetyVerdict Rejected(string reason) => new(SafetyStatus.Rejected, reason);
}
