namespace Elex.Core.Routing;

/// <summary>
/// What backs a fused route, as the calibration reads it: whether each channel alone (the sentence
/// model, the lexical score with exact boosts) would have chosen the same feature, what exact facts
/// name it, how far it leads, how close in meaning it is, and how much of the question its name covers.
/// </summary>
/// <param name="ModelAgrees">The sentence model alone ranks the feature first.</param>
/// <param name="LexicalAgrees">Lexical similarity plus exact boosts alone rank it first.</param>
/// <param name="NamedWhole">The question contains the feature's whole name.</param>
/// <param name="OtherExact">The question names another exact fact of it (acronym, parameter, counter, event, code).</param>
/// <param name="Margin">Fused score lead over the runner-up.</param>
/// <param name="Cosine">The sentence model's cosine between question and feature.</param>
/// <param name="NameCoverage">Share of the question's content words that are the feature's name (0 when not named).</param>
internal readonly record struct RouteSignals(bool ModelAgrees, bool LexicalAgrees, bool NamedWhole, bool OtherExact, float Margin, float Cosine, float NameCoverage);
