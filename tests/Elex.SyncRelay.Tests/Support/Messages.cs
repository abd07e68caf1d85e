using System.Buffers.Binary;
using System.Text;

namespace Elex.SyncRelay.Tests.Support;

/// <summary>Test messages: short text ones, or numbered ones padded to a size.</summary>
internal static class Messages
{
    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(byte[] message) => Encoding.UTF8.GetString(message);

    public static byte[] Numbered(int number, int size)
    {
        var message = new byte[size];
        BinaryPrimitives.WriteInt32LittleEndian(message, number);
        message[^1] = (byte)number;
        return message;
    }

    public static int Number(byte[] message) => BinaryPrimitives.ReadInt32LittleEndian(message);
}
