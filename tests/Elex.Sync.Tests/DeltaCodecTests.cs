using Elex.Core.Learning;

namespace Elex.Sync.Tests;

public sealed class DeltaCodecTests
{
    private static readonly SwarmIdentity Origin = TestData.Identity(1);

    [Fact]
    public void Encode_then_decode_round_trips_and_is_canonical()
    {
        var delta = TestData.Delta(Origin, 9, ("agent-x", TestData.Table(new Random(5))), ("agent-a", TestData.Table(new Random(6))));
        var bytes = DeltaCodec.Encode(delta, Origin);

        var decoded = DeltaCodec.Decode(bytes);
        Assert.True(decoded.HasValidSignature());
        Assert.Equal(bytes[^64..], decoded.Signature.ToArray());
        Assert.Equal(bytes[..^64], decoded.SignedBytes.ToArray());
        var back = decoded.Delta;
        Assert.Equal(delta.Origin, back.Origin);
        Assert.Equal(delta.Sequence, back.Sequence);
        Assert.Equal(delta.CreatedUnixMs, back.CreatedUnixMs);
        Assert.Equal(delta.Agents.Select(a => a.AgentId), back.Agents.Select(a => a.AgentId));
        for (var i = 0; i < delta.Agents.Count; i++)
            Assert.Equal(delta.Agents[i].Slots, back.Agents[i].Slots);

        // One delta, one encoding: re-encoding the decoded delta gives the same bytes.
        Assert.Equal(bytes, DeltaCodec.Encode(back, Origin));
    }

    [Fact]
    public void Layout_matches_the_documented_format()
    {
        var delta = new QTableDelta(Origin.PublicKey, 0x0102, 0x0A0B, [new AgentDelta("ab", [new DeltaSlot(0x0304, 1f, 0x05)])]);
        var bytes = DeltaCodec.Encode(delta, Origin);
        var expected = new RawDelta().Header(Origin, 1, 0x0102, 0x0A0B, version: 2).Agent("ab", (0x0304, 1f, 0x05)).Routes().SignedBy(Origin);
        Assert.Equal(expected, bytes);
        Assert.Equal(DeltaCodec.HeaderLength + 1 + 2 + 2 + 10 + 2 + 64, bytes.Length);
    }

    [Fact]
    public void Learned_routes_round_trip_in_canonical_order_and_are_signed()
    {
        var routes = new[] { new SharedRoute("FAJ 121 3009", "the second carrier sits idle"), new SharedRoute("FAJ 121 3094", "mute branches at night"), new SharedRoute("FAJ 121 3009", "carrier full, other empty") };
        var delta = new QTableDelta(Origin.PublicKey, 7, 0, [], routes);
        var bytes = DeltaCodec.Encode(delta, Origin);
        var decoded = DeltaCodec.Decode(bytes);
        Assert.True(decoded.HasValidSignature());
        Assert.Equal(["carrier full, other empty", "the second carrier sits idle", "mute branches at night"], decoded.Delta.Routes.Select(r => r.Question));
        var expected = new RawDelta().Header(Origin, 0, 7, 0, version: 2)
            .Routes(("FAJ 121 3009", "carrier full, other empty"), ("FAJ 121 3009", "the second carrier sits idle"), ("FAJ 121 3094", "mute branches at night")).SignedBy(Origin);
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void A_version_1_delta_without_routes_still_decodes()
    {
        var bytes = new RawDelta().Header(Origin, 1, 3, 0, version: 1).Agent("ab", (1, 0.5f, 2)).SignedBy(Origin);
        var decoded = DeltaCodec.Decode(bytes);
        Assert.True(decoded.HasValidSignature());
        Assert.Empty(decoded.Delta.Routes);
        Assert.Single(decoded.Delta.Agents);
    }

    [Fact]
    public void Encode_refuses_a_delta_of_another_origin()
    {
        var delta = TestData.SmallDelta(TestData.Identity(2));
        var ex = Assert.Throws<ArgumentException>(() => DeltaCodec.Encode(delta, Origin));
        Assert.Contains(Origin.KeyId, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_single_byte_flip_of_a_signed_delta_is_rejected()
    {
        var bytes = DeltaCodec.Encode(TestData.SmallDelta(Origin), Origin);
        Assert.True(bytes.Length > 150);
        foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
            for (var i = 0; i < bytes.Length; i++)
            {
                var trust = new TrustList(TestData.Identity(99).PublicKey);
                trust.Add(Origin.PublicKey);
                var verifier = new DeltaVerifier(trust);
                var tampered = (byte[])bytes.Clone();
                tampered[i] ^= mask;
                var verdict = verifier.Verify(tampered);
                Assert.False(verdict.IsAccepted, $"flipping byte {i} with 0x{mask:X2} was accepted");
                Assert.Null(verdict.Delta);
                Assert.False(string.IsNullOrWhiteSpace(verdict.Message));
            }
    }

    [Fact]
    public void Every_prefix_is_rejected_and_the_unsigned_one_is_named()
    {
        var bytes = DeltaCodec.Encode(TestData.SmallDelta(Origin), Origin);
        for (var length = 0; length < bytes.Length; length++)
        {
            var ex = Assert.Throws<DeltaFormatException>(() => DeltaCodec.Decode(bytes.AsSpan(0, length)));
            var expected = length == bytes.Length - 64 ? DeltaFormatError.Unsigned : DeltaFormatError.Truncated;
            Assert.Equal(expected, ex.Error);
        }
        var unsigned = Assert.Throws<DeltaFormatException>(() => DeltaCodec.Decode(bytes.AsSpan(0, bytes.Length - 64)));
        Assert.Contains("unsigned", unsigned.Message, StringComparison.Ordinal);
        var truncated = Assert.Throws<DeltaFormatException>(() => DeltaCodec.Decode(bytes.AsSpan(0, 20)));
        Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("origin key", truncated.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], DeltaFormatError, string> Malformed()
    {
        var o = Origin;
        return new()
        {
            { "bad magic", Raw().Bytes("ELQX"u8).U8(1).SignedBy(o), DeltaFormatError.BadMagic, "magic 'ELQD'" },
            { "json", "{\"a\":1}"u8.ToArray(), DeltaFormatError.BadMagic, "magic" },
            { "version 3", Raw().Header(o, 0, version: 3).SignedBy(o), DeltaFormatError.UnsupportedVersion, "version 3 is not supported" },
            { "routes out of order", Raw().Header(o, 0, version: 2).Routes(("FAJ 2", "b"), ("FAJ 1", "a")).SignedBy(o), DeltaFormatError.InvalidRoute, "canonical order" },
            { "duplicate route", Raw().Header(o, 0, version: 2).Routes(("FAJ 1", "a"), ("FAJ 1", "a")).SignedBy(o), DeltaFormatError.InvalidRoute, "duplicate" },
            { "route without question", Raw().Header(o, 0, version: 2).Routes(("FAJ 1", "")).SignedBy(o), DeltaFormatError.InvalidRoute, "has no question" },
            { "route question not UTF-8", Raw().Header(o, 0, version: 2).U16(1).RouteRaw("FAJ 1"u8.ToArray(), [0xC3, 0x28]).SignedBy(o), DeltaFormatError.InvalidRoute, "not valid UTF-8" },
            { "too many routes", Raw().Header(o, 0, version: 2).U16(QTableDelta.MaxRoutes + 1).SignedBy(o), DeltaFormatError.TooLarge, "5001 learned routes" },
            { "routes beyond the data", Raw().Header(o, 0, version: 2).U16(3).RouteRaw("FAJ 1"u8.ToArray(), "a"u8.ToArray()).SignedBy(o), DeltaFormatError.Truncated, "learned route #1" },
            { "negative sequence", Raw().Header(o, 0, sequence: -1).SignedBy(o), DeltaFormatError.InvalidHeader, "sequence number -1" },
            { "negative time", Raw().Header(o, 0, created: -1).SignedBy(o), DeltaFormatError.InvalidHeader, "creation time -1" },
            { "too many agents", Raw().Header(o, QTableDelta.MaxAgents + 1).SignedBy(o), DeltaFormatError.TooLarge, "4097 agents" },
            { "agents beyond the data", Raw().Header(o, 1000).SignedBy(o), DeltaFormatError.Truncated, "the 1000 agents" },
            { "slot out of range", Raw().Header(o, 1).Agent("a", (QTable.Size, 0f, 1)).SignedBy(o), DeltaFormatError.SlotOutOfRange, "Slot index 1080 is outside" },
            { "NaN", Raw().Header(o, 1).Agent("a", (3, float.NaN, 1)).SignedBy(o), DeltaFormatError.NonFiniteValue, "not finite (NaN)" },
            { "infinity", Raw().Header(o, 1).Agent("a", (3, float.PositiveInfinity, 1)).SignedBy(o), DeltaFormatError.NonFiniteValue, "not finite" },
            { "negative visits", Raw().Header(o, 1).Agent("a", (3, 0f, -4)).SignedBy(o), DeltaFormatError.InvalidVisits, "is -4" },
            { "zero visits", Raw().Header(o, 1).Agent("a", (3, 0f, 0)).SignedBy(o), DeltaFormatError.InvalidVisits, "is 0" },
            { "duplicate slot", Raw().Header(o, 1).Agent("a", (3, 0f, 1), (3, 1f, 1)).SignedBy(o), DeltaFormatError.DuplicateSlot, "Slot 3 appears twice" },
            { "slots out of order", Raw().Header(o, 1).Agent("a", (4, 0f, 1), (3, 1f, 1)).SignedBy(o), DeltaFormatError.SlotsOutOfOrder, "must be ascending" },
            { "too many slots", Raw().Header(o, 1).U8(1).Bytes("a"u8).U16(2000).SignedBy(o), DeltaFormatError.TooLarge, "2000 slots" },
            { "no slots", Raw().Header(o, 1).Agent("a").SignedBy(o), DeltaFormatError.EmptyAgent, "no slots" },
            { "duplicate agent", Raw().Header(o, 2).Agent("a", (1, 0f, 1)).Agent("a", (2, 0f, 1)).SignedBy(o), DeltaFormatError.DuplicateAgent, "'a' appears twice" },
            { "agents out of order", Raw().Header(o, 2).Agent("b", (1, 0f, 1)).Agent("a", (2, 0f, 1)).SignedBy(o), DeltaFormatError.AgentsOutOfOrder, "ascending ordinal order" },
            { "empty agent id", Raw().Header(o, 1).AgentRaw([], (1, 0f, 1)).SignedBy(o), DeltaFormatError.InvalidAgentId, "empty id" },
            { "long agent id", Raw().Header(o, 1).Agent(new string('x', 129), (1, 0f, 1)).SignedBy(o), DeltaFormatError.InvalidAgentId, "129-byte id" },
            { "bad UTF-8", Raw().Header(o, 1).AgentRaw([0x61, 0xC3], (1, 0f, 1)).SignedBy(o), DeltaFormatError.InvalidAgentId, "not valid UTF-8" },
            { "control character", Raw().Header(o, 1).Agent("a\u0007", (1, 0f, 1)).SignedBy(o), DeltaFormatError.InvalidAgentId, "control character" },
            { "short signature", Raw().Header(o, 0).SignedBy(o)[..^1], DeltaFormatError.Truncated, "63 of 64" },
            { "trailing bytes", [.. Raw().Header(o, 0).SignedBy(o), 0], DeltaFormatError.TrailingBytes, "1 bytes after its signature" },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_deltas_are_rejected_with_a_precise_error(string name, byte[] bytes, DeltaFormatError error, string message)
    {
        var ex = Assert.Throws<DeltaFormatException>(() => DeltaCodec.Decode(bytes));
        Assert.True(error == ex.Error, $"{name}: expected {error}, got {ex.Error}: {ex.Message}");
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_input_is_rejected_before_parsing()
    {
        var ex = Assert.Throws<DeltaFormatException>(() => DeltaCodec.Decode(new byte[DeltaCodec.MaxEncodedLength + 1]));
        Assert.Equal(DeltaFormatError.TooLarge, ex.Error);
    }

    [Fact]
    public void A_full_catalog_of_fully_visited_tables_fits()
    {
        var full = TestData.Table(new Random(1), density: 1.0);
        var tables = Enumerable.Range(0, 600).Select(i => ($"agent-FAJ_121_{i:D4}", full)).ToArray();
        var bytes = DeltaCodec.Encode(QTableDelta.FromTables(Origin.PublicKey, 1, 0, tables), Origin);
        Assert.True(bytes.Length < DeltaCodec.MaxEncodedLength);
        Assert.Equal(600, DeltaCodec.Decode(bytes).Delta.Agents.Count);
    }

    private static RawDelta Raw() => new();
}
