namespace Elex.Core.Learning;

/// <summary>How experienced an agent is, relative to its cold-start threshold.</summary>
internal enum Maturity
{
    /// <summary>Fewer interactions than the cold-start threshold.</summary>
    Novice = 0,
    /// <summary>At least the threshold, fewer than five times it.</summary>
    Practised = 1,
    /// <summary>Five times the threshold or more.</summary>
    Expert = 2,
}

/// <summary>Construction of <see cref="Maturity"/> values: <c>Maturity.From(interactions, threshold)</c>.</summary>
internal static class MaturityExtensions
{
    /// <summary>Static members of <see cref="Maturity"/>.</summary>
    extension(Maturity)
    {
        /// <summary>
        /// The maturity after <paramref name="interactions"/>: below <paramref name="coldStartThreshold"/>
        /// Novice, below five times it Practised, else Expert.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The threshold is negative.</exception>
        public static Maturity From(long interactions, int coldStartThreshold)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(coldStartThreshold);
            return interactions < coldStartThreshold ? Maturity.Novice
                : interactions < 5L * coldStartThreshold ? Maturity.Practised
                : Maturity.Expert;
        }
    }
}
