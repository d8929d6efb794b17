using System.Security.Cryptography;

namespace Switchboard.Auth.Ntlm;

/// <summary>
/// The four session-security keys of MS-NLMP §3.4.5 (SIGNKEY, SEALKEY) for one NTLMv2 security association,
/// derived from the exported session key. Only extended session security is supported (every NTLMv2 client
/// that signs negotiates it).
/// </summary>
public sealed class NtlmSessionKeys
{
    private NtlmSessionKeys(NtlmFlags flags, byte[] clientSigning, byte[] clientSealing, byte[] serverSigning, byte[] serverSealing)
    {
        Flags = flags;
        ClientSigning = clientSigning;
        ClientSealing = clientSealing;
        ServerSigning = serverSigning;
        ServerSealing = serverSealing;
    }

    public NtlmFlags Flags { get; }

    public byte[] ClientSigning { get; }

    public byte[] ClientSealing { get; }

    public byte[] ServerSigning { get; }

    public byte[] ServerSealing { get; }

    /// <summary>
    /// NTLMv2: KeyExchangeKey = SessionBaseKey; with KEY_EXCH the client chose the exported key and sent it
    /// RC4-encrypted under the KeyExchangeKey (MS-NLMP §3.2.5.1.2). Null when extended session security is off.
    /// </summary>
    public static NtlmSessionKeys? Derive(NtlmFlags flags, ReadOnlySpan<byte> sessionBaseKey, ReadOnlySpan<byte> encryptedRandomSessionKey)
    {
        if (!flags.HasFlag(NtlmFlags.ExtendedSessionSecurity))
        {
            return null;
        }

        var exported = new byte[16];
        if (flags.HasFlag(NtlmFlags.KeyExchange) && encryptedRandomSessionKey.Length == 16)
        {
            Rc4.Transform(sessionBaseKey, encryptedRandomSessionKey, exported);
        }
        else
        {
            sessionBaseKey[..16].CopyTo(exported);
        }

        return FromExportedKey(flags, exported);
    }

    public static NtlmSessionKeys FromExportedKey(NtlmFlags flags, ReadOnlySpan<byte> exportedSessionKey) => new(
        flags,
        Md5With(exportedSessionKey, "session key to client-to-server signing key magic constant\0"u8),
        Md5With(exportedSessionKey[..SealKeyLength(flags)], "session key to client-to-server sealing key magic constant\0"u8),
        Md5With(exportedSessionKey, "session key to server-to-client signing key magic constant\0"u8),
        Md5With(exportedSessionKey[..SealKeyLength(flags)], "session key to server-to-client sealing key magic constant\0"u8));

    // MS-NLMP §3.4.5.3: 128, 56 or 40 bits of the exported key go into the sealing key.
    private static int SealKeyLength(NtlmFlags flags) =>
        flags.HasFlag(NtlmFlags.Negotiate128) ? 16 : flags.HasFlag(NtlmFlags.Negotiate56) ? 7 : 5;

    private static byte[] Md5With(ReadOnlySpan<byte> key, ReadOnlySpan<byte> magic)
    {
        Span<byte> input = stackalloc byte[key.Length + magic.Length];
        key.CopyTo(input);
        magic.CopyTo(input[key.Length..]);
        return MD5.HashData(input);
    }
}
