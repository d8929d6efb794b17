using System.Buffers.Binary;
using System.Text;

namespace Switchboard.Auth.Ntlm;

/// <summary>Writes the server's CHALLENGE_MESSAGE (MS-NLMP §2.2.1.2) with NetBIOS and DNS names in TargetInfo.</summary>
public static class NtlmChallengeMessage
{
    private const int HeaderLength = 56; // through the 8-byte VERSION field

    // What this server can do; the reply keeps the subset the client asked for plus the ones NTLMv2 needs.
    private const NtlmFlags Supported = NtlmFlags.Unicode | NtlmFlags.RequestTarget | NtlmFlags.Sign | NtlmFlags.Datagram | NtlmFlags.Ntlm
        | NtlmFlags.AlwaysSign | NtlmFlags.ExtendedSessionSecurity | NtlmFlags.Negotiate128 | NtlmFlags.KeyExchange | NtlmFlags.Negotiate56;

    private const NtlmFlags Always = NtlmFlags.Unicode | NtlmFlags.Ntlm | NtlmFlags.TargetTypeDomain | NtlmFlags.TargetInfo
        | NtlmFlags.Version | NtlmFlags.ExtendedSessionSecurity;

    /// <remarks>
    /// No MsvAvTimestamp is sent: with one, MS-NLMP clients add a MIC over the three handshake messages, which
    /// this server would have to keep until AUTHENTICATE arrives only to check it.
    /// </remarks>
    public static byte[] Write(NtlmFlags clientFlags, ReadOnlySpan<byte> serverChallenge, string netBiosDomain, string dnsHostName)
    {
        var targetName = Encoding.Unicode.GetBytes(netBiosDomain);
        var targetInfo = TargetInfo(netBiosDomain, dnsHostName);
        var message = new byte[HeaderLength + targetName.Length + targetInfo.Length];
        var span = message.AsSpan();
        NtlmMessage.Signature.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)NtlmMessageType.Challenge);
        NtlmMessage.WriteField(span, 12, targetName.Length, HeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (uint)((clientFlags & Supported) | Always));
        serverChallenge.CopyTo(span[24..32]);
        NtlmMessage.WriteField(span, 40, targetInfo.Length, HeaderLength + targetName.Length);
        span[48] = 10; // version 10.0, build 0, NTLMSSP_REVISION_W2K3 (informational only)
        span[55] = 0x0F;
        targetName.CopyTo(span[HeaderLength..]);
        targetInfo.CopyTo(span[(HeaderLength + targetName.Length)..]);
        return message;
    }

    private static byte[] TargetInfo(string netBiosDomain, string dnsHostName)
    {
        var netBiosHost = dnsHostName.Split('.')[0].ToUpperInvariant();
        var dnsDomain = dnsHostName.Contains('.') ? dnsHostName[(dnsHostName.IndexOf('.') + 1)..] : dnsHostName;
        using var stream = new MemoryStream();
        AvPair(stream, 2, netBiosDomain);  // MsvAvNbDomainName
        AvPair(stream, 1, netBiosHost);    // MsvAvNbComputerName
        AvPair(stream, 4, dnsDomain);      // MsvAvDnsDomainName
        AvPair(stream, 3, dnsHostName);    // MsvAvDnsComputerName
        stream.Write([0, 0, 0, 0]);        // MsvAvEOL
        return stream.ToArray();
    }

    private static void AvPair(MemoryStream stream, ushort id, string value)
    {
        var bytes = Encoding.Unicode.GetBytes(value);
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(header, id);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)bytes.Length);
        stream.Write(header);
        stream.Write(bytes);
    }
}
