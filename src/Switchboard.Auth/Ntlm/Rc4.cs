namespace Switchboard.Auth.Ntlm;

/// <summary>
/// RC4 (as MS-NLMP §3.4.4.2 needs it to seal signature checksums). .NET has no RC4; this one keeps no state
/// between calls, which is what NTLM's connectionless mode wants: a fresh key per message.
/// </summary>
internal static class Rc4
{
    public static void Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ArgumentOutOfRangeException.ThrowIfZero(key.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, input.Length);
        Span<byte> s = stackalloc byte[256];
        for (int i = 0; i < 256; i++)
        {
            s[i] = (byte)i;
        }

        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
        }

        for (int n = 0, i = 0, j = 0; n < input.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(input[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }
    }
}
