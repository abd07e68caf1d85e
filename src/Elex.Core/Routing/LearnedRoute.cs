using Elex.Core.Catalog;

namespace Elex.Core.Routing;

/// <summary>A question an engineer confirmed belongs to a feature (feedback naming the right one).</summary>
internal sealed record LearnedRoute(string Question, FeatureCode Feature);
