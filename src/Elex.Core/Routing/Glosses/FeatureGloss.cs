namespace Elex.Core.Routing.Glosses;

/// <summary>
/// What a feature does, in the words an engineer uses when the feature's name is not known. Written
/// from RAN knowledge for routing only: never shown to a user as a catalog fact.
/// </summary>
/// <param name="Code">The feature's FAJ code.</param>
/// <param name="Rat">The radio access technology the feature works on.</param>
/// <param name="Gloss">Plain-language description: purpose, behaviour, symptoms it addresses.</param>
/// <param name="Terms">Synonyms, spelling variants, expanded abbreviations, 3GPP concepts.</param>
internal sealed record FeatureGloss(string Code, Rat Rat, string Gloss, IReadOnlyList<string> Terms);
