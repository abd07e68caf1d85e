using System.Globalization;
using Elex.Core.Responses;
using Elex.Core.Safety;

namespace Elex.Core.Tests.Safety;

public class SafetyValidatorTests
{
    private static readonly SafeZoneSet Zones = new([
        new SafeZone("MimoSleepFunction", "sleepMode") { Min = 0, Max = 3, Step = 1, Note = "sleep levels" },
        new SafeZone("EUtranCellFDD", "qRxLevMin") { Min = -140, Max = -44, Step = 2, Unit = "dBm" },
        new SafeZone("*", "cellIndividualOffset") { Min = -24, Max = 24, Step = 0.5m, Unit = "dB", MaxChange = 3 },
        new SafeZone("*", "pZeroNominalPucch") { Min = -126, Max = -96, Unit = "dBm" },
        new SafeZone("NRCellDU", "ssbPeriodicity") { Allowed = ["ms5", "ms10", "ms20"] },
        new SafeZone("FeatureState", "featureState") { Allowed = ["ACTIVATED", "DEACTIVATED"], RequiresApproval = true, Note = "Changing a licensed feature's state on a live node needs an operator's approval." },
        new SafeZone("AnrFunction", "plmnWhiteListEnabled") { Allowed = ["true", "false"] },
        new SafeZone("ENodeBFunction", "tddSpecialSubframe") { Min = 0, Max = 9, RequiresApproval = true, Note = "Changes the air interface frame." },
        new SafeZone("*", "anyValueNeedsApproval") { RequiresApproval = true },
    ]);

    private static readonly SafetyValidator Validator = new(Zones);

    private static ProposedCommand Set(string? mo, string? parameter, string? value) =>
        new($"cmedit set <NODE> {mo} {parameter}={value}", CommandKind.SetParameter, "test") { Mo = mo, Parameter = parameter, Value = value };

    private static ProposedCommand FeatureState(bool activate, string? value = "", string? mo = "FeatureState", string? parameter = "featureState") =>
        new("cmedit set <NODE> FeatureState=CXC4011808 featureState=...", activate ? CommandKind.ActivateFeature : CommandKind.DeactivateFeature, "test")
        {
            Mo = mo, Parameter = parameter, Value = value == "" ? (activate ? "ACTIVATED" : "DEACTIVATED") : value,
        };

    public static TheoryData<string, ProposedCommand, string?, SafetyStatus, string[]> Rules => new()
    {
        // condition                         command                                                  current  verdict                      reason fragments
        { "read",                            new ProposedCommand("cmedit get <NODE> X.y", CommandKind.Read, "r") { Mo = "X", Parameter = "y" }, null, SafetyStatus.Safe, ["read-only"] },
        { "read without a zone is safe",     new ProposedCommand("cmedit get <NODE> FeatureState", CommandKind.Read, "r"), null, SafetyStatus.Safe, ["read-only"] },
        { "no zone",                         Set("EUtranCellFDD", "noSuchParameter", "5"),              null, SafetyStatus.NeedsApproval, ["no safe zone for EUtranCellFDD.noSuchParameter; an operator must approve"] },
        { "no zone for this MO",             Set("NRCellCU", "sleepMode", "1"),                         null, SafetyStatus.NeedsApproval, ["no safe zone for NRCellCU.sleepMode"] },
        { "value to be chosen",              Set("MimoSleepFunction", "sleepMode", null),               null, SafetyStatus.NeedsApproval, ["value to be chosen by the engineer"] },
        { "in numeric zone",                 Set("MimoSleepFunction", "sleepMode", "2"),                null, SafetyStatus.Safe, ["within MimoSleepFunction.sleepMode zone [0, 3] step 1"] },
        { "at min",                          Set("MimoSleepFunction", "sleepMode", "0"),                null, SafetyStatus.Safe, ["within"] },
        { "at max",                          Set("MimoSleepFunction", "sleepMode", "3.0"),              null, SafetyStatus.Safe, ["within"] },
        { "case-insensitive lookup",         Set("mimosleepfunction", "SLEEPMODE", "1"),                null, SafetyStatus.Safe, ["within"] },
        { "below min",                       Set("MimoSleepFunction", "sleepMode", "-1"),               null, SafetyStatus.Rejected, ["-1 is below the minimum 0 of MimoSleepFunction.sleepMode"] },
        { "above max",                       Set("MimoSleepFunction", "sleepMode", "4"),                null, SafetyStatus.Rejected, ["4 is above the maximum 3 of MimoSleepFunction.sleepMode"] },
        { "below min with unit",             Set("EUtranCellFDD", "qRxLevMin", "-150"),                 null, SafetyStatus.Rejected, ["below the minimum -140 dBm"] },
        { "above max with unit",             Set("EUtranCellFDD", "qRxLevMin", "-40"),                  null, SafetyStatus.Rejected, ["above the maximum -44 dBm"] },
        { "off the step grid from min",      Set("EUtranCellFDD", "qRxLevMin", "-139"),                 null, SafetyStatus.Rejected, ["not on the step 2 dBm grid", "counted from -140 dBm"] },
        { "on the step grid from min",       Set("EUtranCellFDD", "qRxLevMin", "-100"),                 null, SafetyStatus.Safe, ["[-140, -44] dBm step 2"] },
        { "fractional step",                 Set("Any", "cellIndividualOffset", "1.5"),                 "1",  SafetyStatus.Safe, ["within Any.cellIndividualOffset zone [-24, 24] dB step 0.5"] },
        { "off fractional step",             Set("Any", "cellIndividualOffset", "1.25"),                "1",  SafetyStatus.Rejected, ["not on the step 0.5 dB grid"] },
        { "not a number",                    Set("MimoSleepFunction", "sleepMode", "high"),             null, SafetyStatus.Rejected, ["high is not a number"] },
        { "not an invariant number",         Set("MimoSleepFunction", "sleepMode", "1,0"),              null, SafetyStatus.Rejected, ["1,0 is not a number"] },
        { "empty number",                    Set("MimoSleepFunction", "sleepMode", ""),                 null, SafetyStatus.Rejected, ["'' is not a number"] },
        { "NaN",                             Set("MimoSleepFunction", "sleepMode", "NaN"),              null, SafetyStatus.Rejected, ["NaN is not a number"] },
        { "too large",                       Set("Any", "pZeroNominalPucch", "79228162514264337593543950335"), null, SafetyStatus.Rejected, ["above the maximum -96 dBm"] },
        { "no step: any value in range",     Set("Any", "pZeroNominalPucch", "-100.25"),                null, SafetyStatus.Safe, ["within Any.pZeroNominalPucch zone [-126, -96] dBm"] },
        { "max change within",               Set("X", "cellIndividualOffset", "3"),                     "0",  SafetyStatus.Safe, ["at most 3 dB per change"] },
        { "max change exceeded",             Set("X", "cellIndividualOffset", "6"),                     "2",  SafetyStatus.Rejected, ["from 2 dB to 6 dB is a change of 4 dB, more than the maximum change 3 dB"] },
        { "max change exceeded downwards",   Set("X", "cellIndividualOffset", "-2"),                    "2",  SafetyStatus.Rejected, ["change of 4 dB"] },
        { "max change, current unknown",     Set("X", "cellIndividualOffset", "1"),                     null, SafetyStatus.NeedsApproval, ["change size cannot be checked without the current value"] },
        { "max change, current not numeric", Set("X", "cellIndividualOffset", "1"),                     "n/a", SafetyStatus.NeedsApproval, ["current value n/a is not a number"] },
        { "out of range beats max change",   Set("X", "cellIndividualOffset", "30"),                    null, SafetyStatus.Rejected, ["above the maximum 24 dB"] },
        { "allowed value",                   Set("NRCellDU", "ssbPeriodicity", "ms10"),                 null, SafetyStatus.Safe, ["within NRCellDU.ssbPeriodicity zone {ms5, ms10, ms20}"] },
        { "allowed, case-insensitive",       Set("NRCellDU", "ssbPeriodicity", "MS20"),                 null, SafetyStatus.Safe, ["within"] },
        { "not allowed",                     Set("NRCellDU", "ssbPeriodicity", "ms15"),                 null, SafetyStatus.Rejected, ["ms15 is not one of ms5, ms10, ms20"] },
        { "boolean switch",                  Set("AnrFunction", "plmnWhiteListEnabled", "TRUE"),        null, SafetyStatus.Safe, ["{true, false}"] },
        { "boolean switch, not boolean",     Set("AnrFunction", "plmnWhiteListEnabled", "1"),           null, SafetyStatus.Rejected, ["1 is not one of true, false"] },
        { "requires approval in zone",       Set("ENodeBFunction", "tddSpecialSubframe", "7"),          null, SafetyStatus.NeedsApproval, ["requires an operator's approval: Changes the air interface frame"] },
        { "requires approval, out of zone",  Set("ENodeBFunction", "tddSpecialSubframe", "10"),         null, SafetyStatus.Rejected, ["above the maximum 9"] },
        { "approval-only zone",              Set("Y", "anyValueNeedsApproval", "whatever"),             null, SafetyStatus.NeedsApproval, ["Y.anyValueNeedsApproval requires an operator's approval"] },
        { "set without a parameter",         Set("X", null, "1"),                                       null, SafetyStatus.Rejected, ["sets no named parameter"] },
        { "set without an MO: wildcard",     Set(null, "pZeroNominalPucch", "-100"),                    null, SafetyStatus.Safe, ["within *.pZeroNominalPucch zone"] },
        { "set without an MO, exact zone",   Set(null, "sleepMode", "1"),                               null, SafetyStatus.NeedsApproval, ["no safe zone for *.sleepMode"] },
        { "activate",                        FeatureState(true),                                        null, SafetyStatus.NeedsApproval, ["FeatureState.featureState requires an operator's approval: Changing a licensed feature's state"] },
        { "deactivate",                      FeatureState(false),                                       null, SafetyStatus.NeedsApproval, ["requires an operator's approval"] },
        { "activate without Mo/param/value", FeatureState(true, null, null, null),                      null, SafetyStatus.NeedsApproval, ["FeatureState.featureState requires"] },
        { "activate with wrong value",       FeatureState(true, "DEACTIVATED"),                         null, SafetyStatus.Rejected, ["must set FeatureState.featureState to ACTIVATED, but this command sets it to DEACTIVATED"] },
        { "deactivate with wrong value",     FeatureState(false, "ON"),                                 null, SafetyStatus.Rejected, ["to DEACTIVATED, but"] },
        { "activate on another parameter",   FeatureState(true, "ACTIVATED", "MimoSleepFunction", "sleepMode"), null, SafetyStatus.Rejected, ["must set FeatureState.featureState, but this command sets MimoSleepFunction.sleepMode"] },
        { "unknown kind",                    new ProposedCommand("x", (CommandKind)99, "x") { Mo = "M", Parameter = "p", Value = "1" }, null, SafetyStatus.Rejected, ["unknown to the safety stage"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Check_FollowsTheRules(string condition, ProposedCommand command, string? current, SafetyStatus status, string[] fragments)
    {
        var verdict = Validator.Check(command, current);
        Assert.True(status == verdict.Status, $"{condition}: expected {status}, got {verdict.Status} ({verdict.Reason})");
        foreach (var fragment in fragments)
            Assert.True(verdict.Reason.Contains(fragment, StringComparison.Ordinal), $"{condition}: reason '{verdict.Reason}' lacks '{fragment}'");
        Assert.EndsWith(verdict.Status == SafetyStatus.Safe && verdict.Reason == "read-only" ? "read-only" : ".", verdict.Reason);
    }

    [Fact]
    public void EmptyZones_NothingButReadsIsEverSafe()
    {
        var validator = new SafetyValidator(SafeZoneSet.Empty);
        Assert.Equal(SafetyStatus.Safe, validator.Check(new ProposedCommand("get", CommandKind.Read, "r")).Status);
        Assert.Equal(SafetyStatus.NeedsApproval, validator.Check(Set("MimoSleepFunction", "sleepMode", "1")).Status);
        Assert.Equal(SafetyStatus.NeedsApproval, validator.Check(FeatureState(true)).Status);
    }

    [Fact]
    public void Apply_SetsSafetyAndReason_KeepsEverythingElse()
    {
        var command = Set("MimoSleepFunction", "sleepMode", "2") with { FeatureCode = "FAJ 121 3094" };
        Assert.False(command.IsRunnable);
        var applied = Validator.Apply(command);
        Assert.Equal(SafetyStatus.Safe, applied.Safety);
        Assert.True(applied.IsRunnable);
        Assert.Equal(command with { Safety = applied.Safety, SafetyReason = applied.SafetyReason }, applied);
        Assert.Equal(SafetyStatus.Rejected, Validator.Apply(Set("X", "cellIndividualOffset", "6"), "0").Safety);
    }

    [Fact]
    public void Apply_List_InOrder()
    {
        var commands = new[] { Set("MimoSleepFunction", "sleepMode", "2"), Set("MimoSleepFunction", "sleepMode", "9"), FeatureState(true) };
        Assert.Equal([SafetyStatus.Safe, SafetyStatus.Rejected, SafetyStatus.NeedsApproval], Validator.Apply(commands).Select(c => c.Safety));
        Assert.Empty(Validator.Apply(Array.Empty<ProposedCommand>()));
    }

    [Fact]
    public void NullArguments_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new SafetyValidator(null!));
        Assert.Throws<ArgumentNullException>(() => Validator.Check(null!));
        Assert.Throws<ArgumentNullException>(() => Validator.Apply((IReadOnlyList<ProposedCommand>)null!));
    }

    // ---- property test: random zones, random values ----

    private enum Violation { BelowMin, AboveMax, OffGrid, TooBigAChange, NotANumber }

    [Fact]
    public void Property_OutOfZoneIsAlwaysRejectedNamingTheBound_InZoneIsSafeOrNeedsApproval()
    {
        var random = new Random(20250611);
        decimal[] steps = [0.01m, 0.1m, 0.25m, 0.5m, 1m, 2m, 5m, 10m, 100m];
        string[] units = ["dB", "dBm", "ms", "%"];
        var rejected = 0;
        var accepted = 0;
        var seen = new Dictionary<string, int>();
        for (var n = 0; n < 3000; n++)
        {
            var requiresApproval = random.Next(5) == 0;
            var unit = random.Next(3) == 0 ? null : units[random.Next(units.Length)];
            if (random.Next(4) == 0)
            {
                // enumerated zone
                var allowed = Enumerable.Range(0, random.Next(1, 6)).Select(i => $"v{n}x{i}{(char)('a' + random.Next(26))}").ToList();
                var zone = new SafeZone($"Mo{n}", $"param{n}") { Allowed = allowed, RequiresApproval = requiresApproval, Note = "enumerated" };
                var validator = new SafetyValidator(new SafeZoneSet([zone]));

                var good = allowed[random.Next(allowed.Count)];
                good = random.Next(2) == 0 ? good.ToUpperInvariant() : good;
                var verdict = validator.Check(Set(zone.Mo, zone.Parameter, good));
                Assert.Equal(requiresApproval ? SafetyStatus.NeedsApproval : SafetyStatus.Safe, verdict.Status);
                accepted++;

                var bad = allowed[random.Next(allowed.Count)] + "z";
                verdict = validator.Check(Set(zone.Mo, zone.Parameter, bad));
                Assert.True(verdict.Status == SafetyStatus.Rejected, $"case {n}: {bad} in {{{string.Join(", ", allowed)}}} gave {verdict.Status}");
                Assert.Contains($"is not one of {string.Join(", ", allowed)}", verdict.Reason);
                rejected++;
                seen["NotAllowed"] = seen.GetValueOrDefault("NotAllowed") + 1;
                continue;
            }

            // numeric zone: min on a 0.01 grid in [-1000, 1000], step from the list (or none), max = min + k * step
            var min = random.Next(-100_000, 100_000) / 100m;
            decimal? step = random.Next(4) == 0 ? null : steps[random.Next(steps.Length)];
            var span = random.Next(1, 200) * (step ?? 0.37m);
            var max = min + span;
            decimal? maxChange = random.Next(3) == 0 ? Math.Max(step ?? 0.01m, Math.Round(span / random.Next(1, 5), 2)) : null;
            var numeric = new SafeZone($"Mo{n}", $"param{n}") { Min = min, Max = max, Step = step, Unit = unit, MaxChange = maxChange, RequiresApproval = requiresApproval };
            var v = new SafetyValidator(new SafeZoneSet([numeric]));
            string WithUnit(decimal d) => unit is null ? SafeZone.Format(d) : $"{SafeZone.Format(d)} {unit}";

            // in zone: on the grid, within [min, max]; current value close enough for maxChange
            var cells = step is { } s1 ? (int)(span / s1) : 1000;
            var inZone = step is { } s2 ? min + random.Next(0, cells + 1) * s2 : min + span * random.Next(0, 1001) / 1000m;
            var current = maxChange is null ? (string?)null : Text(inZone);
            var ok = v.Check(Set(numeric.Mo, numeric.Parameter, Text(inZone)), current);
            Assert.True(ok.Status == (requiresApproval ? SafetyStatus.NeedsApproval : SafetyStatus.Safe),
                $"case {n}: {inZone} in [{min}, {max}] step {step} gave {ok.Status}: {ok.Reason}");
            accepted++;

            var violation = (Violation)random.Next(5);
            if (violation == Violation.OffGrid && step is null) violation = Violation.BelowMin;
            if (violation == Violation.TooBigAChange && maxChange is null) violation = Violation.AboveMax;
            var (value, currentValue, expected) = violation switch
            {
                Violation.BelowMin => (Text(min - random.Next(1, 100_000) / 100m), null, $"below the minimum {WithUnit(min)}"),
                Violation.AboveMax => (Text(max + random.Next(1, 100_000) / 100m), null, $"above the maximum {WithUnit(max)}"),
                Violation.OffGrid => (Text(min + random.Next(0, cells) * step!.Value + step!.Value / 2), null, $"not on the step {WithUnit(step!.Value)} grid"),
                Violation.TooBigAChange => TooBig(),
                _ => ("x" + random.Next(1000), (string?)null, "is not a number"),
            };
            var verdict2 = v.Check(Set(numeric.Mo, numeric.Parameter, value), currentValue);
            Assert.True(verdict2.Status == SafetyStatus.Rejected,
                $"case {n} ({violation}): {value} in [{min}, {max}] step {step} maxChange {maxChange} gave {verdict2.Status}: {verdict2.Reason}");
            Assert.True(verdict2.Reason.Contains(expected, StringComparison.Ordinal), $"case {n} ({violation}): '{verdict2.Reason}' lacks '{expected}'");
            rejected++;
            seen[violation.ToString()] = seen.GetValueOrDefault(violation.ToString()) + 1;

            (string, string?, string) TooBig()
            {
                // the value at min (in the zone), the current value more than maxChange above it
                var from = min + maxChange!.Value + (step ?? 0.01m) * random.Next(1, 5);
                return (Text(min), Text(from), $"more than the maximum change {WithUnit(maxChange.Value)}");
            }
        }
        Assert.True(rejected >= 3000 && accepted >= 3000);
        foreach (var kind in new[] { "BelowMin", "AboveMax", "OffGrid", "TooBigAChange", "NotANumber", "NotAllowed" })
            Assert.True(seen.GetValueOrDefault(kind) >= 100, $"{kind}: only {seen.GetValueOrDefault(kind)} cases");
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
