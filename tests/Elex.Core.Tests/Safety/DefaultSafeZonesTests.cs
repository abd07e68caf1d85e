using Elex.Core.Catalog;
using Elex.Core.Responses;
using Elex.Core.Safety;

namespace Elex.Core.Tests.Safety;

public class DefaultSafeZonesTests
{
    [Fact]
    public void Defaults_CoverExactlyTheSamplesIntroducedBooleanSwitches_PlusFeatureState()
    {
        var expected = SampleCatalog.Load().Features
            .SelectMany(f => f.Parameters)
            .Where(p => p.Role == ParameterRole.Introduced && p.Name.EndsWith("Enabled", StringComparison.Ordinal))
            .Select(p => p.QualifiedName)
            .Append("FeatureState.featureState")
            .Append("*.cellReselectionPriority")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var defaults = DefaultSafeZones.Load();
        var actual = defaults.Zones.Select(z => z.QualifiedName).ToList();

        Assert.Equal(actual.Count, actual.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(expected.Except(actual, StringComparer.OrdinalIgnoreCase));   // nothing missing
        Assert.Empty(actual.Except(expected, StringComparer.OrdinalIgnoreCase));   // nothing invented
        Assert.Equal(25, defaults.Count);
    }

    [Fact]
    public void Defaults_BooleanSwitches_AreTrueFalse_WithoutApproval_AndNoNumericRanges()
    {
        foreach (var zone in DefaultSafeZones.Load().Zones.Where(z => z.Parameter is not ("featureState" or "cellReselectionPriority")))
        {
            Assert.Equal(["true", "false"], zone.Allowed!);
            Assert.False(zone.RequiresApproval);
            Assert.False(zone.IsNumeric);
            Assert.False(string.IsNullOrWhiteSpace(zone.Note));
        }
    }

    [Theory]
    [InlineData("EUtranCellFDD", "7", SafetyStatus.NeedsApproval)]
    [InlineData("NRCellCU", "0", SafetyStatus.NeedsApproval)]
    [InlineData("EUtranFreqRelation", "9", SafetyStatus.Rejected)]
    [InlineData("EUtranCellFDD", "-1", SafetyStatus.Rejected)]
    [InlineData("EUtranCellFDD", "3.5", SafetyStatus.Rejected)]
    public void Defaults_CellReselectionPriority_KeepsTo3gppRange_OnAnyManagedObject(string mo, string value, SafetyStatus expected)
    {
        var command = new ProposedCommand($"cmedit set RBS1 {mo}=C1 cellReselectionPriority={value}", CommandKind.SetParameter, "test") { Mo = mo, Parameter = "cellReselectionPriority", Value = value };
        Assert.Equal(expected, new SafetyValidator(DefaultSafeZones.Load()).Check(command).Status);
    }

    [Fact]
    public void Defaults_FeatureState_IsActivatedOrDeactivated_WithApproval()
    {
        var zone = DefaultSafeZones.Load().Find("FeatureState", "featureState")!;
        Assert.Equal(["ACTIVATED", "DEACTIVATED"], zone.Allowed!);
        Assert.True(zone.RequiresApproval);
        Assert.Contains("operator's approval", zone.Note);
    }

    [Fact]
    public void Defaults_AreLoadedThroughTheLoader_AndCached()
    {
        Assert.Same(DefaultSafeZones.Load(), DefaultSafeZones.Load());
        Assert.Equal(DefaultSafeZones.SourceName, DefaultSafeZones.Load().Source);
        Assert.Equal(DefaultSafeZones.Load().Count, SafeZoneLoader.Load(System.Text.Encoding.UTF8.GetBytes(DefaultSafeZones.Json), "again").Count);
    }

    [Fact]
    public void Defaults_Validator_OnTheSample()
    {
        var catalog = SampleCatalog.Load();
        var validator = new SafetyValidator(DefaultSafeZones.Load());
        var msm = catalog.Features.Single(f => f.Code.Value == "FAJ 121 3094");
        var rank2 = msm.Parameters.Single(p => p.Name == "rank2Enabled");
        var sleepMode = msm.Parameters.First(p => p.Name != "rank2Enabled" && !p.Name.EndsWith("Enabled", StringComparison.Ordinal));

        Assert.Equal(SafetyStatus.Safe, validator.Check(Elex.Core.Agents.Cmedit.SetParameter(msm, rank2, "true")).Status);
        Assert.Equal(SafetyStatus.Rejected, validator.Check(Elex.Core.Agents.Cmedit.SetParameter(msm, rank2, "2")).Status);
        var noZone = validator.Check(Elex.Core.Agents.Cmedit.SetParameter(msm, sleepMode, "1"));
        Assert.Equal(SafetyStatus.NeedsApproval, noZone.Status);
        Assert.Contains($"no safe zone for {sleepMode.QualifiedName}", noZone.Reason);
        Assert.Equal(SafetyStatus.NeedsApproval, validator.Check(Elex.Core.Agents.Cmedit.SetFeatureState(msm, activate: true)).Status);
        Assert.Equal(SafetyStatus.Safe, validator.Check(Elex.Core.Agents.Cmedit.GetFeatureState(msm)).Status);
    }

    [Fact]
    public void Defaults_MergeWithUserFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"user-zones-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {"schema":"elex-safe-zones/1","zones":[
              {"mo":"FeatureState","parameter":"featureState","allowed":["ACTIVATED","DEACTIVATED"],"requiresApproval":false,"note":"lab node"},
              {"mo":"MimoSleepFunction","parameter":"sleepMode","min":0,"max":3,"step":1,"maxChange":1}
            ]}
            """);
        try
        {
            var merged = DefaultSafeZones.LoadWith(path);
            Assert.Equal(DefaultSafeZones.Load().Count + 1, merged.Count);
            Assert.False(merged.Find("FeatureState", "featureState")!.RequiresApproval);
            Assert.Equal(3m, merged.Find("MimoSleepFunction", "sleepMode")!.Max);
            Assert.True(DefaultSafeZones.Load().Find("FeatureState", "featureState")!.RequiresApproval);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
