namespace Elex.Hosting.Tests;

/// <summary>
/// The meter and activity source are process-wide ("Elex.Reactive"): tests that export them run alone,
/// so no other test's swarm adds spans or counts to what they assert.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
