using System.Text;
using Switchboard.Auth.Ntlm;
using Switchboard.Auth.Parsing;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Signal.Tests;

/// <summary>
/// REGISTER with NTLM (MS-SIPAE), replaying the signed AUTHENTICATE of a captured Office Communicator 2007 R2 session
/// (COSMO\User, password Pa$$word, server challenge DD1BAAF4E7E218D1; published with pidgin-sipe's NTLM tests):
/// the binding is made and the 200 carries an Authentication-Info whose rspauth verifies, as the client checks it,
/// over the fields of the response we actually sent.
/// </summary>
public sealed class RegisterNtlmTests
{
    private const string Target = "cosmo-ocs-r2.cosmo.local";
    private static readonly byte[] ServerChallenge = Convert.FromHexString("DD1BAAF4E7E218D1");

    private const string CapturedRegister =
        "REGISTER sip:cosmo.local SIP/2.0\r\n" +
        "Via: SIP/2.0/TLS 192.168.172.6:12723;branch=z9hG4bKntlm1\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:user@cosmo.local>;tag=3e49177a52;epid=c8ca638a15\r\n" +
        "To: <sip:user@cosmo.local>\r\n" +
        "Call-ID: 4037df9284354df39065195bd57a4b14\r\n" +
        "CSeq: 3 REGISTER\r\n" +
        "Contact: <sip:192.168.172.6:12723;transport=tls>\r\n" +
        "Authorization: NTLM qop=\"auth\", realm=\"SIP Communications Service\", opaque=\"2BDBAC9D\", targetname=\"cosmo-ocs-r2.cosmo.local\", version=4, " +
        "gssapi-data=\"TlRMTVNTUAADAAAAGAAYAHIAAADGAMYAigAAAAoACgBIAAAACAAIAFIAAAAYABgAWgAAABAAEABQAQAAVYKYYgUCzg4AAAAPQwBPAFMATQBPAFUAcwBlAHIAQwBPAFMATQBPAC0ATwBDAFMALQBSADIAoeku/k4Hi/fFwASazGFmwtauh1yw/apBjcDIAK527KYG0rn769BHMQEBAAAAAAAAWVGaFye5ygHWrodcsP2qQQAAAAACAAoAQwBPAFMATQBPAAEAGABDAE8AUwBNAE8ALQBPAEMAUwAtAFIAMgAEABYAYwBvAHMAbQBvAC4AbABvAGMAYQBsAAMAMABjAG8AcwBtAG8ALQBvAGMAcwAtAHIAMgAuAGMAbwBzAG0AbwAuAGwAbwBjAGEAbAAFABYAYwBvAHMAbQBvAC4AbABvAGMAYQBsAAAAAAAAAAAAMctznhyoCkmFkeiueXEV5A==\", " +
        "crand=\"13317733\", cnum=\"1\", response=\"0100000029618e9651b65a7764000000\"\r\n" +
        "Content-Length: 0\r\n\r\n";

    [Fact]
    public void Signed_ntlm_register_binds_and_the_200_is_signed()
    {
        using var h = Harness();

        h.Receive(CapturedRegister);

        var sent = h.TakeSingle();
        Assert.Equal(200, sent.StatusCode);
        Assert.Single(h.Store.Lookup("sip:user@cosmo.local"));
        var info = Parse(Assert.Single(sent.Headers("Authentication-Info")));
        Assert.Equal(("2BDBAC9D", "1", "auth"), (info.Get("opaque"), info.Get("snum"), info.Get("qop")));
        Assert.Equal(ExpectedRspauth(sent.Parse(), info.Get("srand")!), info.Get("rspauth"));
    }

    [Fact]
    public void Tampered_signed_register_is_challenged_again_and_binds_nothing()
    {
        using var h = Harness();

        h.Receive(CapturedRegister.Replace("CSeq: 3 REGISTER", "CSeq: 4 REGISTER"));

        Assert.Equal(401, h.TakeSingle().StatusCode);
        Assert.Empty(h.Store.Lookup("sip:user@cosmo.local"));
    }

    private static SignalHarness Harness()
    {
        var h = new SignalHarness(o => (o.AdvertiseNtlm, o.NtlmTargetName) = (true, Target));
        h.Resolution.Domain("cosmo.local").Account("user", "cosmo.local");
        h.Credentials.Add("User", "cosmo", "Pa$$word");
        h.Authenticator.Ntlm!.Associations.Add("2BDBAC9D", ServerChallenge);
        return h;
    }

    /// <summary>What the client computes to check our 200: the server keys of the session over the response's fields.</summary>
    private static string ExpectedRspauth(SipMessage response, string srand)
    {
        ReadOnlySpan<byte> buffer = response.Span;
        Assert.True(response.TryGetTo(out SipNameAddress to));
        string expires = response.TryGetFirst(HeaderKind.Expires, out SipHeader header) ? Encoding.UTF8.GetString(header.Value.Of(buffer)) : "";
        var fields = new SipSignatureFields(
            "4037df9284354df39065195bd57a4b14", "3", "REGISTER", "sip:user@cosmo.local", "3e49177a52",
            "sip:user@cosmo.local", Encoding.UTF8.GetString(to.GetTag(buffer).Of(buffer)), Expires: expires, StatusCode: 200);
        var keys = CapturedKeys();
        var signature = NtlmMessageSignature.Compute(
            keys.Flags, keys.ServerSigning, keys.ServerSealing, NtlmMessageSignature.SipSequenceNumber,
            fields.ToSignatureBuffer("NTLM", srand, "1", "SIP Communications Service", Target, 4));
        return Convert.ToHexString(signature);
    }

    private static NtlmSessionKeys CapturedKeys()
    {
        var authorization = CapturedRegister.Split("\r\n").Single(l => l.StartsWith("Authorization: ", StringComparison.Ordinal))["Authorization: ".Length..];
        Assert.True(NtlmAuthenticateMessage.TryParse(Convert.FromBase64String(Parse(authorization).Get("gssapi-data")!), out var message));
        var ntowf = NtlmCrypto.NtowfV2(NtlmCrypto.NtHash("Pa$$word"), "User", "COSMO");
        var proof = NtlmCrypto.NtProofStr(ntowf, ServerChallenge, message!.NtChallengeResponse.AsSpan(16));
        return NtlmSessionKeys.Derive(message.Flags, NtlmCrypto.SessionBaseKey(ntowf, proof), message.EncryptedRandomSessionKey)!;
    }

    private static AuthHeader Parse(string value)
    {
        Assert.True(AuthHeaderParser.TryParse(value, out var header, out var error), error);
        return header!;
    }
}
