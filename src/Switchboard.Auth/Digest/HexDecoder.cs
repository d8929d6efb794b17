namespace Switchboard.Auth.Digest;

/// <summary>Hex digits (either case) as received, decoded without a string.</summary>
internal static class HexDecoder
{
    /// <summary>False unless <paramref name="hex"/> is exactly 2 × <paramref name="destination"/> hex digits.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        if (hex.Length != 2 * destination.Length)
        {
            return false;
        }

        var bad = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            int high = Value(hex[2 * i]), low = Value(hex[(2 * i) + 1]);
            bad |= high | low;
            destination[i] = (byte)((high << 4) | low);
        }

        return bad >= 0;
    }

    // -1 for a non-hex byte, so one OR over all digits tells whether any was bad.
    private static int Value(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
