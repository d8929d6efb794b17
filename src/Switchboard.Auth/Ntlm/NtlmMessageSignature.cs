using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Switchboard.Auth.Ntlm;

/// <summary>
/// MAC() of MS-NLMP §3.4.4.2 with extended session security: Version 1 ‖ Checksum ‖ SeqNum, the checksum being
/// HMAC-MD5(SigningKey, SeqNum ‖ Message)[0..7], RC4-sealed when KEY_EXCH was negotiated. In connectionless
/// (datagram) mode the RC4 key is reset per message to MD5(SealingKey ‖ SeqNum).
/// </summary>
public static class NtlmMessageSignature
{
    /// <summary>
    /// The NTLM sequence number Microsoft's SIP stacks put in every MS-SIPAE signature; the SIP-level order is in
    /// cnum/snum instead (seen in a Communicator 2007 R2 ↔ OCS 2007 R2 exchange, whose signatures end in 64000000).
    /// </summary>
    public const uint SipSequenceNumber = 100;

    public const int Length = 16;

    public static byte[] Compute(NtlmFlags flags, ReadOnlySpan<byte> signingKey, ReadOnlySpan<byte> sealingKey, uint sequenceNumber, ReadOnlySpan<byte> message)
    {
        if (!flags.HasFlag(NtlmFlags.ExtendedSessionSecurity))
        {
            throw new ArgumentException("Only extended session security signatures are supported.", nameof(flags));
        }

        var signature = new byte[Length];
        BinaryPrimitives.WriteUInt32LittleEndian(signature, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(signature.AsSpan(12), sequenceNumber);

        var input = new byte[4 + message.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(input, sequenceNumber);
        message.CopyTo(input.AsSpan(4));
        Span<byte> checksum = stackalloc byte[16];
        HMACMD5.HashData(signingKey, input, checksum);

        if (flags.HasFlag(NtlmFlags.KeyExchange))
        {
            Rc4.Transform(MessageSealingKey(flags, sealingKey, sequenceNumber), checksum[..8], signature.AsSpan(4, 8));
        }
        else
        {
            checksum[..8].CopyTo(signature.AsSpan(4));
        }

        return signature;
    }

    private static byte[] MessageSealingKey(NtlmFlags flags, ReadOnlySpan<byte> sealingKey, uint sequenceNumber)
    {
        if (!flags.HasFlag(NtlmFlags.Datagram))
        {
            return sealingKey.ToArray();
        }

        Span<byte> input = stackalloc byte[sealingKey.Length + 4];
        sealingKey.CopyTo(input);
        BinaryPrimitives.WriteUInt32LittleEndian(input[sealingKey.Length..], sequenceNumber);
        return MD5.HashData(input);
    }
}
