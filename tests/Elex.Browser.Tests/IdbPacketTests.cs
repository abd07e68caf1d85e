using System.Buffers.Binary;
using System.Text;
using Elex.Browser.IndexedDb;

namespace Elex.Browser.Tests;

public sealed class IdbPacketTests
{
    [Fact]
    public void Sections_round_trip_with_absent_sub_keys_empty_payloads_and_non_ascii_keys()
    {
        IdbPacket.Row[] first = [new("agent-ä", null, new byte[] { 1, 2, 3 }), new("agent-b", "", Array.Empty<byte>())];
        IdbPacket.Row[] second = [];
        IdbPacket.Row[] third = [new("agent-c", "000042", Encoding.UTF8.GetBytes("{\"x\":\"→\"}"))];

        var sections = IdbPacket.ReadSections(IdbPacket.Write(first, second, third), 3);

        Assert.Equal(["agent-ä", "agent-b"], sections[0].Select(r => r.Key));
        Assert.Equal([null, ""], sections[0].Select(r => r.SubKey));
        Assert.Equal([1, 2, 3], sections[0][0].Payload.ToArray());
        Assert.True(sections[0][1].Payload.IsEmpty);
        Assert.Empty(sections[1]);
        Assert.Equal("000042", sections[2][0].SubKey);
        Assert.Equal("{\"x\":\"→\"}", Encoding.UTF8.GetString(sections[2][0].Payload.Span));
    }

    [Fact]
    public void The_layout_is_little_endian_count_then_length_prefixed_fields()
    {
        var packet = IdbPacket.Write([new IdbPacket.Row("a", null, new byte[] { 9 })]);

        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(packet));                 // rows
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(packet.AsSpan(4)));       // key length
        Assert.Equal((byte)'a', packet[8]);
        Assert.Equal(-1, BinaryPrimitives.ReadInt32LittleEndian(packet.AsSpan(9)));      // no sub key
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(packet.AsSpan(13)));      // payload length
        Assert.Equal(9, packet[17]);
        Assert.Equal(18, packet.Length);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 5, 0, 0, 0, 97 })]
    [InlineData(new byte[] { 255, 255, 255, 255 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 255, 255, 255, 255 })]
    public void A_short_or_inconsistent_packet_is_refused_with_a_FormatException(byte[] packet) =>
        Assert.Throws<FormatException>(() => IdbPacket.ReadSection(packet));
}
