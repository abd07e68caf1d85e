using System.Buffers.Binary;
using Elex.Core.Learning;
using Elex.Core.Queries;

namespace Elex.Core.Tests.Learning;

public sealed class QTableTests
{
    private static readonly LearningState S = new(QueryType.Counter, Complexity.Simple, ConfidenceBucket.High, Maturity.Novice);

    [Fact]
    public void Best_action_ties_go_to_the_lowest_action()
    {
        var t = new QTable();
        Assert.Equal(ResponseAction.DirectAnswer, t.BestAction(S));
        t.Set(S, ResponseAction.ConsultPeer, 0.5f);
        t.Set(S, ResponseAction.Escalate, 0.5f);
        Assert.Equal(ResponseAction.ConsultPeer, t.BestAction(S));
        Assert.Equal(0.5f, t.MaxValue(S));
        t.Set(S, ResponseAction.DetailedAnswer, 0.5f);
        Assert.Equal(ResponseAction.DetailedAnswer, t.BestAction(S));

        var negative = new QTable();
        foreach (var a in Enum.GetValues<ResponseAction>()) negative.Set(S, a, -1f);
        negative.Set(S, ResponseAction.RequestClarification, -0.25f);
        Assert.Equal(ResponseAction.RequestClarification, negative.BestAction(S));
        Assert.Equal(-0.25f, negative.MaxValue(S));
    }

    [Fact]
    public void Non_zero_entries_follow_sets()
    {
        var t = new QTable();
        t.Set(S, ResponseAction.DirectAnswer, 1f);
        t.Set(S, ResponseAction.DirectAnswer, 2f);
        t.Set(S, ResponseAction.Escalate, -1f);
        Assert.Equal(2, t.NonZeroEntries);
        t.Set(S, ResponseAction.DirectAnswer, 0f);
        Assert.Equal(1, t.NonZeroEntries);
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Set(S, ResponseAction.DirectAnswer, float.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Get(S, (ResponseAction)5));
    }

    [Fact]
    public void Snapshot_and_restore_round_trip_and_restore_validates_lengths()
    {
        var t = Filled();
        var (values, visits) = t.Snapshot();
        var copy = new QTable();
        copy.Restore(values, visits);
        Assert.Equal(values, copy.Snapshot().Values);
        Assert.Equal(visits, copy.Snapshot().Visits);
        Assert.Equal(t.NonZeroEntries, copy.NonZeroEntries);

        var ex = Assert.Throws<ArgumentException>(() => copy.Restore(values.AsSpan(1), visits));
        Assert.Contains("1080", ex.Message);
        Assert.Contains("1079", ex.Message);
        Assert.Throws<ArgumentException>(() => copy.Restore(values, visits.AsSpan(0, 10)));
        Assert.Equal(values, copy.Snapshot().Values); // unchanged
    }

    [Fact]
    public void Bytes_round_trip()
    {
        var t = Filled();
        var bytes = t.ToBytes();
        var back = QTable.FromBytes(bytes);
        Assert.Equal(t.Snapshot().Values, back.Snapshot().Values);
        Assert.Equal(t.Snapshot().Visits, back.Snapshot().Visits);
        Assert.Equal(t.NonZeroEntries, back.NonZeroEntries);
        Assert.Equal(bytes, back.ToBytes());
        Assert.Equal((byte)'E', bytes[0]);
        Assert.Equal(2, bytes[4]);
        Assert.True(bytes.Length < 1200, $"sparse form is {bytes.Length} bytes");
    }

    [Fact]
    public void Dense_version_1_bytes_still_read()
    {
        var t = Filled();
        var (values, visits) = t.Snapshot();
        var dense = new byte[13 + QTable.Size * 8 + 4];
        "ELQT"u8.CopyTo(dense);
        dense[4] = 1;
        BinaryPrimitives.WriteInt32LittleEndian(dense.AsSpan(5), LearningState.Count);
        BinaryPrimitives.WriteInt32LittleEndian(dense.AsSpan(9), QTable.ActionCount);
        for (var i = 0; i < QTable.Size; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(dense.AsSpan(13 + i * 4), values[i]);
            BinaryPrimitives.WriteInt32LittleEndian(dense.AsSpan(13 + QTable.Size * 4 + i * 4), visits[i]);
        }
        Reseal(dense);
        var back = QTable.FromBytes(dense);
        Assert.Equal(values, back.Snapshot().Values);
        Assert.Equal(visits, back.Snapshot().Visits);
    }

    [Fact]
    public void Sparse_slots_out_of_order_are_rejected()
    {
        var bytes = Filled().ToBytes();
        // Swap the first two entries' slots.
        var first = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(17));
        var second = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(27));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(17), second);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(27), first);
        Reseal(bytes);
        Assert.Contains("increasing", Fails(bytes));
    }

    [Fact]
    public void Corrupt_bytes_are_reported_by_what_is_wrong()
    {
        var good = Filled().ToBytes();

        Assert.Contains("truncated", Fails(good.AsSpan(0, 5).ToArray()));
        Assert.Contains("magic", Fails(With(good, b => b[0] = (byte)'X')));
        Assert.Contains("version 9", Fails(With(good, b => b[4] = 9)));
        Assert.Contains("217 states", Fails(With(good, b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(5), 217))));
        Assert.Contains("6 actions", Fails(With(good, b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(9), 6))));
        Assert.Contains("expected", Fails(good.AsSpan(0, good.Length - 1).ToArray()));
        Assert.Contains("checksum", Fails(With(good, b => b[100] ^= 0x40)));
        Assert.Contains("expected", Fails([.. good, 0]));
    }

    [Fact]
    public void Non_finite_values_with_a_valid_checksum_are_rejected()
    {
        var t = new QTable();
        t.Set(LearningState.FromIndex(3), ResponseAction.DirectAnswer, 0.5f);
        var bytes = t.ToBytes();
        // header 13, entry count 4, then slot (2) before the value.
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(13 + 4 + 2), float.PositiveInfinity);
        Reseal(bytes);
        Assert.Contains("not finite", Fails(bytes));
    }

    private static QTable Filled()
    {
        var t = new QTable();
        for (var i = 0; i < LearningState.Count; i += 7)
        {
            var s = LearningState.FromIndex(i);
            t.Set(s, (ResponseAction)(i % 5), (i - 100) / 37f);
            t.AddVisit(s, (ResponseAction)(i % 5));
            t.AddVisit(s, ResponseAction.Escalate);
        }
        return t;
    }

    private static string Fails(byte[] bytes) => Assert.Throws<FormatException>(() => QTable.FromBytes(bytes)).Message;

    private static byte[] With(byte[] source, Action<byte[]> change)
    {
        var copy = (byte[])source.Clone();
        change(copy);
        return copy;
    }

    private static void Reseal(byte[] bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes.AsSpan(0, bytes.Length - 4)) { hash ^= b; hash *= 16777619; }
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), hash);
    }
}
