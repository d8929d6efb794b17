using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Auth.Ntlm;
using Switchboard.Auth.Parsing;

namespace Switchboard.Proxy.Tests.Ntlm;

/// <summary>
/// An MS-SIPAE NTLM client written from MS-NLMP §2.2.1/§3.3.2 and MS-SIPAE §3.2.5, independent of the server code:
/// it answers the proxy's CHALLENGE with an NTLMv2 AUTHENTICATE carrying a key exchange (its own random exported
/// key, RC4-encrypted), signs requests (crand/cnum/response) and checks the proxy's rspauth. Only the crypto
/// primitives (HMAC-MD5 proofs, key derivation, datagram MAC, signature buffer) are shared; they have vector tests.
/// </summary>
internal sealed class NtlmSipClient(string user, string domain, string password, string realm, string targetName)
{
    private const uint Flags = 0xe2088297; // UNICODE|OEM|REQUEST_TARGET|SIGN|NTLM|ALWAYS_SIGN|ESS|VERSION|128|KEY_EXCH|56
    private const int Version = 3;
    private NtlmSessionKeys? _keys;
    private int _cnum;

    public string? Opaque { get; private set; }

    public string NegotiateHeader()
    {
        var message = new byte[32];
        "NTLMSSP\0"u8.CopyTo(message);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(12), Flags);
        return $"NTLM qop=\"auth\", {Common()}, gssapi-data=\"{Convert.ToBase64String(message)}\", version={Version}";
    }

    /// <summary>Answers the 407's CHALLENGE; the AUTHENTICATE request is signed too, as Microsoft clients do.</summary>
    public string AuthenticateHeader(string challengeValue, SipSignatureFields signed)
    {
        AuthHeader header = Parse(challengeValue);
        Opaque = header.Get("opaque")!;
        byte[] challenge = Convert.FromBase64String(header.Get("gssapi-data")!);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(challenge.AsSpan(8)));
        byte[] serverChallenge = challenge[24..32];
        int infoLength = BinaryPrimitives.ReadUInt16LittleEndian(challenge.AsSpan(40));
        int infoOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(challenge.AsSpan(44));
        byte[] message = BuildAuthenticate(serverChallenge, challenge[infoOffset..(infoOffset + infoLength)]);
        return $"NTLM qop=\"auth\", opaque=\"{Opaque}\", {Common()}, gssapi-data=\"{Convert.ToBase64String(message)}\", version={Version}, {Signature(signed)}";
    }

    /// <summary>A request under the established security association: no handshake, just the next cnum's signature.</summary>
    public string SignedHeader(SipSignatureFields signed) =>
        $"NTLM qop=\"auth\", opaque=\"{Opaque}\", {Common()}, version={Version}, {Signature(signed)}";

    /// <summary>The rspauth the proxy must have put in Proxy-Authentication-Info for a response with these fields.</summary>
    public string ExpectedRspauth(SipSignatureFields response, string srand, string snum)
    {
        NtlmSessionKeys keys = _keys ?? throw new InvalidOperationException("no security association yet");
        byte[] buffer = response.ToSignatureBuffer("NTLM", srand, snum, realm, targetName, Version);
        return Convert.ToHexString(NtlmMessageSignature.Compute(keys.Flags, keys.ServerSigning, keys.ServerSealing, NtlmMessageSignature.SipSequenceNumber, buffer));
    }

    public static AuthHeader Parse(string value)
    {
        Assert.True(AuthHeaderParser.TryParse(value, out AuthHeader? header, out string? error), error);
        return header!;
    }

    private string Common() => $"realm=\"{realm}\", targetname=\"{targetName}\"";

    private string Signature(SipSignatureFields signed)
    {
        NtlmSessionKeys keys = _keys ?? throw new InvalidOperationException("no security association yet");
        string crand = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        string cnum = (++_cnum).ToString(CultureInfo.InvariantCulture);
        byte[] buffer = signed.ToSignatureBuffer("NTLM", crand, cnum, realm, targetName, Version);
        byte[] mac = NtlmMessageSignature.Compute(keys.Flags, keys.ClientSigning, keys.ClientSealing, NtlmMessageSignature.SipSequenceNumber, buffer);
        return $"crand=\"{crand}\", cnum=\"{cnum}\", response=\"{Convert.ToHexString(mac)}\"";
    }

    private byte[] BuildAuthenticate(byte[] serverChallenge, byte[] targetInfo)
    {
        byte[] clientChallenge = RandomNumberGenerator.GetBytes(8);
        var timestamp = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(timestamp, DateTime.UtcNow.ToFileTimeUtc());
        byte[] temp = [1, 1, 0, 0, 0, 0, 0, 0, .. timestamp, .. clientChallenge, 0, 0, 0, 0, .. targetInfo, 0, 0, 0, 0];
        byte[] ntowf = NtlmCrypto.NtowfV2(NtlmCrypto.NtHash(password), user, domain);
        byte[] proof = NtlmCrypto.NtProofStr(ntowf, serverChallenge, temp);
        byte[] nt = [.. proof, .. temp];
        byte[] lm = NtlmCrypto.LmV2Response(ntowf, serverChallenge, clientChallenge);

        // KEY_EXCH (MS-NLMP §3.1.5.1.2): the client picks the exported key and sends it RC4-encrypted under the KeyExchangeKey.
        byte[] exported = RandomNumberGenerator.GetBytes(16);
        byte[] encryptedKey = Rc4(NtlmCrypto.SessionBaseKey(ntowf, proof), exported);
        _keys = NtlmSessionKeys.FromExportedKey((NtlmFlags)Flags, exported);

        byte[][] fields = [lm, nt, Encoding.Unicode.GetBytes(domain), Encoding.Unicode.GetBytes(user), Encoding.Unicode.GetBytes("WORKSTATION"), encryptedKey];
        const int headerLength = 72; // through VERSION, no MIC
        var message = new byte[headerLength + fields.Sum(f => f.Length)];
        "NTLMSSP\0"u8.CopyTo(message);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(8), 3);
        int offset = headerLength;
        for (int i = 0; i < fields.Length; i++)
        {
            int at = 12 + (i * 8);
            BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(at), (ushort)fields[i].Length);
            BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(at + 2), (ushort)fields[i].Length);
            BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(at + 4), (uint)offset);
            fields[i].CopyTo(message, offset);
            offset += fields[i].Length;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(60), Flags);
        return message;
    }

    // RFC 6229's RC4, written here so the key exchange is not checked with the server's own cipher.
    private static byte[] Rc4(byte[] key, byte[] input)
    {
        byte[] s = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + s[i] + key[i % key.Length]) & 0xff;
            (s[i], s[j]) = (s[j], s[i]);
        }

        var output = new byte[input.Length];
        for (int n = 0, i = 0, j = 0; n < input.Length; n++)
        {
            i = (i + 1) & 0xff;
            j = (j + s[i]) & 0xff;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(input[n] ^ s[(s[i] + s[j]) & 0xff]);
        }

        return output;
    }
}
