using System.Buffers.Binary;

namespace Switchboard.Auth.Ntlm;

/// <summary>Shared layout helpers for NTLM messages (MS-NLMP §2.2): signature, type, and payload fields.</summary>
internal static class NtlmMessage
{
    public static ReadOnlySpan<byte> Signature => "NTLMSSP\0"u8;

    public static NtlmMessageType TypeOf(ReadOnlySpan<byte> message)
    {
        if (message.Length < 12 || !message[..8].SequenceEqual(Signature))
        {
            return NtlmMessageType.Unknown;
        }

        var type = BinaryPrimitives.ReadUInt32LittleEndian(message[8..]);
        return type is >= 1 and <= 3 ? (NtlmMessageType)type : NtlmMessageType.Unknown;
    }

    /// <summary>Reads a (Len, MaxLen, BufferOffset) field at <paramref name="at"/>, checking that it stays inside the message.</summary>
    public static bool TryReadField(ReadOnlySpan<byte> message, int at, out Range range)
    {
        range = default;
        if (at + 8 > message.Length)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(message[at..]);
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(message[(at + 4)..]);
        if (length == 0)
        {
            range = 0..0;
            return true;
        }

        if (offset > (uint)message.Length || length > message.Length - (int)offset)
        {
            return false;
        }

        range = (int)offset..((int)offset + length);
        return true;
    }

    public static void WriteField(Span<byte> message, int at, int length, int offset)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(message[at..], (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(message[(at + 2)..], (ushort)length);
        BinaryPrimitives.WriteUInt32LittleEndian(message[(at + 4)..], (uint)offset);
    }
}
