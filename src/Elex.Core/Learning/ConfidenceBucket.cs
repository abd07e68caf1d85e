namespace Elex.Core.Learning;

/// <summary>The routing confidence of a question, coarsened for the learning state.</summary>
internal enum ConfidenceBucket
{
    /// <summary>Below 0.25 (or not a number).</summary>
    VeryLow = 0,
    /// <summary>At least 0.25, below 0.5.</summary>
    Low = 1,
    /// <summary>At least 0.5, below 0.8.</summary>
    Medium = 2,
    /// <summary>0.8 or more.</summary>
    High = 3,
}

/// <summary>Construction of <see cref="ConfidenceBucket"/> values: <c>ConfidenceBucket.From(0.6f)</c>.</summary>
internal static class ConfidenceBucketExtensions
{
    /// <summary>Static members of <see cref="ConfidenceBucket"/>.</summary>
    extension(ConfidenceBucket)
    {
        /// <summary>The bucket of a confidence: &lt; 0.25 VeryLow, &lt; 0.5 Low, &lt; 0.8 Medium, else High; NaN is VeryLow.</summary>
        public static ConfidenceBucket From(float confidence) =>
            confidence >= 0.8f ? ConfidenceBucket.High
            : confidence >= 0.5f ? ConfidenceBucket.Medium
            : confidence >= 0.25f ? ConfidenceBucket.Low
            : ConfidenceBucket.VeryLow;
    }
}
