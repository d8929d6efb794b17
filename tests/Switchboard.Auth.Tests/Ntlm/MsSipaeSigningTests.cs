using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth.Ntlm;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Tests.Ntlm;

/// <summary>
/// MS-SIPAE message signing, checked against a captured REGISTER between Office Communicator 2007 R2 and OCS 2007 R2
/// (user COSMO\User, password Pa$$word; the capture is published with pidgin-sipe's NTLM tests): the client's
/// signature of its AUTHENTICATE request and the server's rspauth on the 200 OK.
/// </summary>
public class MsSipaeSigningTests
{
    private const string Realm = "SIP Communications Service";
    private const string Target = "cosmo-ocs-r2.cosmo.local";
    private const string Opaque = "2BDBAC9D";
    private static readonly byte[] ServerChallenge = Convert.FromHexString("DD1BAAF4E7E218D1");

    private const string CapturedAuthorization =
        "NTLM qop=\"auth\", realm=\"SIP Communications Service\", opaque=\"2BDBAC9D\", targetname=\"cosmo-ocs-r2.cosmo.local\", version=4, " +
        "gssapi-data=\"TlRMTVNTUAADAAAAGAAYAHIAAADGAMYAigAAAAoACgBIAAAACAAIAFIAAAAYABgAWgAAABAAEABQAQAAVYKYYgUCzg4AAAAPQwBPAFMATQBPAFUAcwBlAHIAQwBPAFMATQBPAC0ATwBDAFMALQBSADIAoeku/k4Hi/fFwASazGFmwtauh1yw/apBjcDIAK527KYG0rn769BHMQEBAAAAAAAAWVGaFye5ygHWrodcsP2qQQAAAAACAAoAQwBPAFMATQBPAAEAGABDAE8AUwBNAE8ALQBPAEMAUwAtAFIAMgAEABYAYwBvAHMAbQBvAC4AbABvAGMAYQBsAAMAMABjAG8AcwBtAG8ALQBvAGMAcwAtAHIAMgAuAGMAbwBzAG0AbwAuAGwAbwBjAGEAbAAFABYAYwBvAHMAbQBvAC4AbABvAGMAYQBsAAAAAAAAAAAAMctznhyoCkmFkeiueXEV5A==\", " +
        "crand=\"13317733\", cnum=\"1\", response=\"0100000029618e9651b65a7764000000\"";

    private static readonly SipSignatureFields CapturedRequest = new(
        CallId: "4037df9284354df39065195bd57a4b14", CSeqNumber: "3", Method: "REGISTER",
        FromUri: "sip:user@cosmo.local", FromTag: "3e49177a52", ToUri: "sip:user@cosmo.local", ToTag: "");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    private NtlmAuthenticator Server()
    {
        var options = new AuthenticationOptions { AdvertiseNtlm = true, NtlmTargetName = Target, NtlmDomain = "COSMO" };
        var server = new NtlmAuthenticator(options, new RecordingNtlmStore().Add("User", "Pa$$word"), _time);
        server.Associations.Add(Opaque, ServerChallenge);
        return server;
    }

    private static AuthHeader Parse(string value)
    {
        Assert.True(AuthHeaderParser.TryParse(value, out var header, out var error), error);
        return header!;
    }

    [Fact]
    public void Signature_buffer_has_the_version_4_layout()
    {
        var buffer = CapturedRequest.ToSignatureBuffer("NTLM", "13317733", "1", Realm, Target, version: 4);

        Assert.Equal(
            "<NTLM><13317733><1><SIP Communications Service><cosmo-ocs-r2.cosmo.local><4037df9284354df39065195bd57a4b14><3><REGISTER>" +
            "<sip:user@cosmo.local><3e49177a52><sip:user@cosmo.local><><><><>",
            System.Text.Encoding.UTF8.GetString(buffer));
    }

    [Fact]
    public async Task Captured_signed_authenticate_is_accepted_and_establishes_the_association()
    {
        var server = Server();

        var verdict = await server.VerifyAsync(Parse(CapturedAuthorization), CapturedRequest);

        Assert.Equal((AuthVerdictKind.Ok, "User"), (verdict.Kind, verdict.User));
        Assert.Equal(Opaque, verdict.Security?.Opaque);
        Assert.Equal(1, server.Contexts.Count);
    }

    [Fact]
    public async Task Response_signature_matches_the_one_the_microsoft_server_sent()
    {
        var verdict = await Server().VerifyAsync(Parse(CapturedAuthorization), CapturedRequest);
        var ok = CapturedRequest with { ToTag = "5E61CCD925D17E043D9A74835A88F664", Expires = "7200", StatusCode = 200 };

        var info = verdict.Security!.SignResponse(ok, srand: "9616454F");

        Assert.Equal(
            "NTLM rspauth=\"01000000E615438A917661BE64000000\", srand=\"9616454F\", snum=\"1\", opaque=\"2BDBAC9D\", qop=\"auth\", " +
            "targetname=\"cosmo-ocs-r2.cosmo.local\", realm=\"SIP Communications Service\"",
            info);
    }

    [Fact]
    public async Task Tampered_field_under_the_signature_is_refused()
    {
        var tampered = CapturedRequest with { FromUri = "sip:mallory@cosmo.local" };

        var verdict = await Server().VerifyAsync(Parse(CapturedAuthorization), tampered);

        Assert.Equal(AuthVerdictKind.Unauthorized, verdict.Kind);
    }

    [Fact]
    public async Task Later_signed_requests_verify_once_each_and_need_a_known_association()
    {
        var server = Server();
        var context = (await server.VerifyAsync(Parse(CapturedAuthorization), CapturedRequest)).Security!;
        var refresh = CapturedRequest with { CSeqNumber = "4", ToTag = "5E61CCD925D17E043D9A74835A88F664" };
        var signed = Parse(SignedHeader(refresh, cnum: 2, Opaque));

        Assert.Same(context, (await server.VerifyAsync(signed, refresh)).Security);
        Assert.Equal(AuthVerdictKind.Unauthorized, (await server.VerifyAsync(signed, refresh)).Kind);           // replay
        Assert.Equal(AuthVerdictKind.Unauthorized, (await server.VerifyAsync(signed, null)).Kind);              // nothing to check against
        Assert.Equal(AuthVerdictKind.Unauthorized, (await server.VerifyAsync(Parse(SignedHeader(refresh, 3, "FFFFFFFF")), refresh)).Kind);
    }

    [Fact]
    public async Task Out_of_order_numbers_inside_the_window_are_accepted()
    {
        var server = Server();
        await server.VerifyAsync(Parse(CapturedAuthorization), CapturedRequest);

        foreach (int cnum in (int[])[5, 3, 4, 2])
        {
            var request = CapturedRequest with { CSeqNumber = (10 + cnum).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            Assert.True((await server.VerifyAsync(Parse(SignedHeader(request, cnum, Opaque)), request)).IsOk, $"cnum {cnum}");
        }

        var late = CapturedRequest with { CSeqNumber = "80" };
        await server.VerifyAsync(Parse(SignedHeader(late, 70, Opaque)), late);
        var tooOld = CapturedRequest with { CSeqNumber = "16" };
        Assert.Equal(AuthVerdictKind.Unauthorized, (await server.VerifyAsync(Parse(SignedHeader(tooOld, 6, Opaque)), tooOld)).Kind);
    }

    [Fact]
    public async Task Idle_association_expires()
    {
        var server = Server();
        await server.VerifyAsync(Parse(CapturedAuthorization), CapturedRequest);

        _time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromSeconds(1));

        Assert.Null(server.Contexts.Find(Opaque));
    }

    /// <summary>What the client would send: its keys come from the captured handshake (password, challenge, session key).</summary>
    private static string SignedHeader(SipSignatureFields fields, int cnum, string opaque)
    {
        var keys = CapturedKeys();
        var number = cnum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var buffer = fields.ToSignatureBuffer("NTLM", "0A0B0C0D", number, Realm, Target, 4);
        var signature = NtlmMessageSignature.Compute(keys.Flags, keys.ClientSigning, keys.ClientSealing, NtlmMessageSignature.SipSequenceNumber, buffer);
        return $"NTLM qop=\"auth\", realm=\"{Realm}\", opaque=\"{opaque}\", targetname=\"{Target}\", crand=\"0A0B0C0D\", cnum=\"{number}\", " +
            $"response=\"{Convert.ToHexString(signature)}\"";
    }

    private static NtlmSessionKeys CapturedKeys()
    {
        var gssapi = Parse(CapturedAuthorization).Get("gssapi-data")!;
        Assert.True(NtlmAuthenticateMessage.TryParse(Convert.FromBase64String(gssapi), out var message));
        var ntowf = NtlmCrypto.NtowfV2(NtlmCrypto.NtHash("Pa$$word"), "User", "COSMO");
        var proof = NtlmCrypto.NtProofStr(ntowf, ServerChallenge, message!.NtChallengeResponse.AsSpan(16));
        return NtlmSessionKeys.Derive(message.Flags, NtlmCrypto.SessionBaseKey(ntowf, proof), message.EncryptedRandomSessionKey)!;
    }
}
