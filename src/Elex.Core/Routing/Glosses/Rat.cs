namespace Elex.Core.Routing.Glosses;

/// <summary>The radio access technology a feature works on, or a question names.</summary>
[Flags]
internal enum Rat
{
    /// <summary>Not tied to a radio technology (transport, security, node level), or not named.</summary>
    Any = 0,
    /// <summary>4G: LTE / E-UTRAN.</summary>
    Lte = 1,
    /// <summary>5G: NR.</summary>
    Nr = 2,
    /// <summary>Both, e.g. EN-DC.</summary>
    LteAndNr = Lte | Nr,
}
