using System.Buffers.Binary;

namespace Elex.Core.Learning;

/// <summary>
/// The store's binary form of a replay buffer: every trajectory packed into one record, 21 bytes
/// each (state index, action, reward, next state index, timestamp; little-endian). One form for
/// every writer of the <c>trajectories</c> store, so a swarm and a grain read each other's records.
/// </summary>
internal static class ReplayPacking
{
    /// <summary>Bytes per packed trajectory.</summary>
    public const int TrajectoryBytes = 4 + 1 + 4 + 4 + 8;

    /// <summary>The trajectories packed, oldest first.</summary>
    public static byte[] Pack(ReadOnlySpan<Trajectory> trajectories)
    {
        var packed = new byte[trajectories.Length * TrajectoryBytes];
        for (var i = 0; i < trajectories.Length; i++) Encode(trajectories[i], packed.AsSpan(i * TrajectoryBytes, TrajectoryBytes));
        return packed;
    }

    /// <summary>Unpacks a record; <paramref name="name"/> names it in the error.</summary>
    /// <exception cref="FormatException">The record's length or a state or action in it is not valid.</exception>
    public static Trajectory[] Unpack(byte[] data, string name)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0 || data.Length % TrajectoryBytes != 0)
            throw new FormatException($"trajectory record {name} has {data.Length} bytes, not a multiple of {TrajectoryBytes}");
        var result = new Trajectory[data.Length / TrajectoryBytes];
        for (var i = 0; i < result.Length; i++)
        {
            var b = data.AsSpan(i * TrajectoryBytes, TrajectoryBytes);
            var state = BinaryPrimitives.ReadInt32LittleEndian(b);
            var next = BinaryPrimitives.ReadInt32LittleEndian(b[9..]);
            if (state is < 0 or >= LearningState.Count || next is < 0 or >= LearningState.Count || !Enum.IsDefined((ResponseAction)b[4]))
                throw new FormatException($"trajectory {i} of record {name} names a state or action that does not exist");
            result[i] = new Trajectory(LearningState.FromIndex(state), (ResponseAction)b[4], BinaryPrimitives.ReadSingleLittleEndian(b[5..]),
                LearningState.FromIndex(next), BinaryPrimitives.ReadInt64LittleEndian(b[13..]));
        }
        return result;
    }

    private static void Encode(Trajectory t, Span<byte> bytes)
    {
        BinaryPrimitives.WriteInt32LittleEndian(bytes, t.State.Index);
        bytes[4] = (byte)t.Action;
        BinaryPrimitives.WriteSingleLittleEndian(bytes[5..], t.Reward);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[9..], t.NextState.Index);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[13..], t.Timestamp);
    }
}
