using Switchboard.Auth.Ntlm;

namespace Switchboard.Auth.Tests.Ntlm;

/// <summary>MS-NLMP §4.2.4 (NTLMv2 Authentication): User "User", domain "Domain", password "Password".</summary>
public class NtlmV2VectorTests
{
    internal static readonly byte[] ServerChallenge = Convert.FromHexString("0123456789abcdef");
    internal static readonly byte[] ClientChallenge = Convert.FromHexString("aaaaaaaaaaaaaaaa");

    // AV pairs of §4.2.4: MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server", MsvAvEOL.
    internal static readonly byte[] TargetInfo = Convert.FromHexString(
        "02000c0044006f006d00610069006e00" + "01000c00530065007200760065007200" + "00000000");

    // MS-NLMP §4.2.4.3, the AUTHENTICATE_MESSAGE of the example.
    internal static readonly byte[] AuthenticateMessage = Convert.FromHexString(
        "4e544c4d5353500003000000180018006c00000054005400840000000c000c00" +
        "480000000800080054000000100010005c00000010001000d8000000358288e2" +
        "0501280a0000000f44006f006d00610069006e00550073006500720043004f00" +
        "4d005000550054004500520086c35097ac9cec102554764a57cccc19aaaaaaaa" +
        "aaaaaaaa68cd0ab851e51c96aabc927bebef6a1c010100000000000000000000" +
        "00000000aaaaaaaaaaaaaaaa0000000002000c0044006f006d00610069006e00" +
        "01000c005300650072007600650072000000000000000000c5dad2544fc97990" +
        "94ce1ce90bc9d03e");

    internal static byte[] Temp()
    {
        // temp = 0x01 0x01 Z(6) Time(0) ClientChallenge Z(4) TargetInfo Z(4)  (MS-NLMP §3.3.2)
        return [1, 1, 0, 0, 0, 0, 0, 0, .. new byte[8], .. ClientChallenge, 0, 0, 0, 0, .. TargetInfo, 0, 0, 0, 0];
    }

    [Fact]
    public void Nt_hash_of_Password()
    {
        Assert.Equal("a4f49c406510bdcab6824ee7c30fd852", Convert.ToHexStringLower(NtlmCrypto.NtHash("Password")));
    }

    [Fact]
    public void Ntowfv2()
    {
        var ntowf = NtlmCrypto.NtowfV2(NtlmCrypto.NtHash("Password"), "User", "Domain");

        Assert.Equal("0c868a403bfd7a93a3001ef22ef02e3f", Convert.ToHexStringLower(ntowf));
    }

    [Fact]
    public void Nt_proof_str_session_key_and_lmv2()
    {
        var ntowf = NtlmCrypto.NtowfV2(NtlmCrypto.NtHash("Password"), "User", "Domain");

        var proof = NtlmCrypto.NtProofStr(ntowf, ServerChallenge, Temp());

        Assert.Equal("68cd0ab851e51c96aabc927bebef6a1c", Convert.ToHexStringLower(proof));
        Assert.Equal("8de40ccadbc14a82f15cb0ad0de95ca3", Convert.ToHexStringLower(NtlmCrypto.SessionBaseKey(ntowf, proof)));
        Assert.Equal("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa",
            Convert.ToHexStringLower(NtlmCrypto.LmV2Response(ntowf, ServerChallenge, ClientChallenge)));
    }

    [Fact]
    public void Parses_the_example_authenticate_message()
    {
        Assert.True(NtlmAuthenticateMessage.TryParse(AuthenticateMessage, out var message));

        Assert.Equal("User", message!.User);
        Assert.Equal("Domain", message.Domain);
        Assert.Equal("COMPUTER", message.Workstation);
        Assert.Equal(24, message.LmChallengeResponse.Length);
        Assert.Equal([.. Convert.FromHexString("68cd0ab851e51c96aabc927bebef6a1c"), .. Temp()], message.NtChallengeResponse);
        Assert.Equal("c5dad2544fc9799094ce1ce90bc9d03e", Convert.ToHexStringLower(message.EncryptedRandomSessionKey));
        Assert.True(message.Flags.HasFlag(NtlmFlags.Unicode));
    }

    [Fact]
    public void Truncated_or_lying_messages_are_rejected()
    {
        Assert.False(NtlmAuthenticateMessage.TryParse(AuthenticateMessage.AsSpan(0, 40), out _));
        Assert.False(NtlmAuthenticateMessage.TryParse(AuthenticateMessage.AsSpan(0, AuthenticateMessage.Length - 20), out _));

        var lying = (byte[])AuthenticateMessage.Clone();
        lying[20] = 0xff; // NT response length 0xff54 runs past the end
        lying[21] = 0xff;
        Assert.False(NtlmAuthenticateMessage.TryParse(lying, out _));
        Assert.False(NtlmNegotiateMessage.TryParse(AuthenticateMessage, out _));
    }
}
