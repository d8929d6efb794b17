using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Auth.Ntlm;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Tests.Ntlm;

/// <summary>
/// A minimal MS-SIPAE NTLM client written from MS-NLMP §2.2.1 and §3.3.2, independent of the server code
/// (only the shared crypto primitives are reused, and those have their own vector tests).
/// </summary>
internal sealed class NtlmTestClient(string user, string domain, string password, string realm, string targetName)
{
    private const uint Flags = 0xe2088297; // UNICODE|OEM|REQUEST_TARGET|SIGN|NTLM|ALWAYS_SIGN|ESS|VERSION|128|KEY_EXCH|56

    public string NegotiateHeader()
    {
        var message = new byte[32];
        "NTLMSSP\0"u8.CopyTo(message);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(12), Flags);
        return $"NTLM qop=\"auth\", realm=\"{realm}\", targetname=\"{targetName}\", gssapi-data=\"{Convert.ToBase64String(message)}\", version=3";
    }

    /// <summary>Answers the server's 401/407 challenge value (opaque + gssapi-data CHALLENGE).</summary>
    public string AuthenticateHeader(string challengeValue, string? passwordOverride = null)
    {
        Assert.True(AuthHeaderParser.TryParse(challengeValue, out var header, out _));
        var opaque = header!.Get("opaque")!;
        var challenge = Convert.FromBase64String(header.Get("gssapi-data")!);
        Assert.Equal("NTLMSSP\0"u8.ToArray(), challenge[..8]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(challenge.AsSpan(8)));
        var serverChallenge = challenge[24..32];
        var infoLength = BinaryPrimitives.ReadUInt16LittleEndian(challenge.AsSpan(40));
        var infoOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(challenge.AsSpan(44));
        var targetInfo = challenge[infoOffset..(infoOffset + infoLength)];

        var message = BuildAuthenticate(serverChallenge, targetInfo, passwordOverride ?? password);
        return $"NTLM qop=\"auth\", opaque=\"{opaque}\", realm=\"{realm}\", targetname=\"{targetName}\", gssapi-data=\"{Convert.ToBase64String(message)}\", version=3";
    }

    private byte[] BuildAuthenticate(byte[] serverChallenge, byte[] targetInfo, string secret)
    {
        var clientChallenge = RandomNumberGenerator.GetBytes(8);
        var timestamp = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(timestamp, DateTime.UtcNow.ToFileTimeUtc());
        byte[] temp = [1, 1, 0, 0, 0, 0, 0, 0, .. timestamp, .. clientChallenge, 0, 0, 0, 0, .. targetInfo, 0, 0, 0, 0];
        var ntowf = NtlmCrypto.NtowfV2(NtlmCrypto.NtHash(secret), user, domain);
        byte[] nt = [.. NtlmCrypto.NtProofStr(ntowf, serverChallenge, temp), .. temp];
        var lm = NtlmCrypto.LmV2Response(ntowf, serverChallenge, clientChallenge);

        var fields = new[] { lm, nt, Encoding.Unicode.GetBytes(domain), Encoding.Unicode.GetBytes(user), Encoding.Unicode.GetBytes("WORKSTATION"), [] };
        const int headerLength = 72; // through VERSION, no MIC
        var message = new byte[headerLength + fields.Sum(f => f.Length)];
        "NTLMSSP\0"u8.CopyTo(message);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(8), 3);
        var offset = headerLength;
        for (var i = 0; i < fields.Length; i++)
        {
            var at = 12 + (i * 8);
            BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(at), (ushort)fields[i].Length);
            BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(at + 2), (ushort)fields[i].Length);
            BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(at + 4), (uint)offset);
            fields[i].CopyTo(message, offset);
            offset += fields[i].Length;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(60), Flags);
        return message;
    }
}
