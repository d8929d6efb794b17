using Switchboard.Auth.Ntlm;

namespace Switchboard.Auth.Tests.Ntlm;

/// <summary>
/// MS-NLMP §4.2.4.4 (NTLMv2 session security, RandomSessionKey 0x55 × 16) and the classic RC4 vector. The sealed
/// checksum with key exchange is checked against a real datagram-mode exchange in <see cref="MsSipaeSigningTests"/>
/// (§4.2.4.4's own sealed value continues an RC4 stream that first sealed the message, which SIP never does).
/// </summary>
public class NtlmSessionSecurityVectorTests
{
    private static readonly byte[] RandomSessionKey = Enumerable.Repeat((byte)0x55, 16).ToArray();
    private static readonly byte[] Plaintext = System.Text.Encoding.Unicode.GetBytes("Plaintext");
    private const NtlmFlags Flags = (NtlmFlags)0xE28A8233;

    [Fact]
    public void Rc4_matches_the_known_answer()
    {
        var output = new byte[9];
        Rc4.Transform("Key"u8, "Plaintext"u8, output);

        Assert.Equal("BBF316E8D940AF0AD3", Convert.ToHexString(output));
    }

    [Fact]
    public void Signing_and_sealing_keys_match_ms_nlmp()
    {
        var keys = NtlmSessionKeys.FromExportedKey(Flags, RandomSessionKey);

        Assert.Equal("4788DC861B4782F35D43FD98FE1A2D39", Convert.ToHexString(keys.ClientSigning));
        Assert.Equal("59F600973CC4960A25480A7C196E4C58", Convert.ToHexString(keys.ClientSealing));
    }

    [Fact]
    public void Signature_without_key_exchange_is_the_plain_checksum()
    {
        var flags = Flags & ~NtlmFlags.KeyExchange;
        var keys = NtlmSessionKeys.FromExportedKey(flags, RandomSessionKey);

        var signature = NtlmMessageSignature.Compute(flags, keys.ClientSigning, keys.ClientSealing, 0, Plaintext);

        Assert.Equal("0100000070352851F256430900000000", Convert.ToHexString(signature));
    }

    [Fact]
    public void Without_extended_session_security_there_are_no_keys()
    {
        Assert.Null(NtlmSessionKeys.Derive(NtlmFlags.Ntlm | NtlmFlags.Unicode, new byte[16], new byte[16]));
    }
}
