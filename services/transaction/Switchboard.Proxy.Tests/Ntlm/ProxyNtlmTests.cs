using System.Text;
using Switchboard.Auth;
using Switchboard.Auth.Ntlm;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Ntlm;

/// <summary>
/// NTLM (MS-SIPAE) in the proxy role: 407 offers NTLM when advertised; NEGOTIATE → CHALLENGE → AUTHENTICATE in 407
/// rounds; later requests signed under the security association pass without a handshake; a replayed or tampered
/// signature is challenged again; every response towards the client carries a Proxy-Authentication-Info it can verify.
/// </summary>
public sealed class ProxyNtlmTests
{
    private const string Realm = "SIP Communications Service";
    private const string Target = "proxy.example.com";

    private static ProxyHarness Harness(bool advertiseNtlm = true)
    {
        var harness = new ProxyHarness();
        harness.Authentication.AdvertiseNtlm = advertiseNtlm;
        harness.Authentication.NtlmTargetName = Target;
        harness.Router.AddAccount("bob").AddAccount("alice");
        harness.Registrar.Add("sip:bob@example.com", "sip:bob@203.0.113.20:5070");
        harness.Credentials.Add("alice", "example.com", "secret");
        return harness;
    }

    private static NtlmSipClient Client(string password = "secret") => new("alice", "example.com", password, Realm, Target);

    /// <summary>What the client signs for <c>TestMessages.Invite(from: alice)</c> (version 3 order, no PAI, no Expires).</summary>
    private static SipSignatureFields Signed(string callId, string method = "INVITE") =>
        new(callId, "1", method, "sip:alice@example.com", "c1", "sip:bob@example.com", "");

    private static string Invite(string branch, string callId, string? authorization = null) => TestMessages.Invite(
        from: "sip:alice@example.com", branch: branch, callId: callId,
        extra: authorization is null ? "" : $"Proxy-Authorization: {authorization}\n");

    [Fact]
    public async Task The_407_offers_ntlm_beside_digest_when_advertised()
    {
        var harness = Harness();

        var (_, upstream) = await harness.SendAsync(Invite("z9hG4bK-n1", "call-1"));

        SipMessage challenge = Assert.Single(upstream.Responses);
        Assert.Equal(407, challenge.StatusCode);
        List<string> values = TestMessages.Values(challenge, HeaderKind.ProxyAuthenticate);
        Assert.Contains(values, v => v.StartsWith("Digest ", StringComparison.Ordinal));
        var ntlm = NtlmSipClient.Parse(Assert.Single(values, v => v.StartsWith("NTLM ", StringComparison.Ordinal)));
        Assert.Equal((Realm, Target, "3"), (ntlm.Get("realm"), ntlm.Get("targetname"), ntlm.Get("version")));
    }

    [Fact]
    public async Task Without_the_switch_the_407_offers_digest_only()
    {
        var harness = Harness(advertiseNtlm: false);

        var (_, upstream) = await harness.SendAsync(Invite("z9hG4bK-n1", "call-1"));

        List<string> values = TestMessages.Values(Assert.Single(upstream.Responses), HeaderKind.ProxyAuthenticate);
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.StartsWith("Digest ", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_handshake_completes_and_the_invite_is_forwarded_with_signed_responses()
    {
        var harness = Harness();
        var client = Client();

        var upstream = await HandshakeAsync(harness, client, "call-1");

        var invite = Assert.Single(harness.Transport.Started);
        invite.Respond(180);
        invite.Respond(200);
        Assert.Equal([180, 200], upstream.Statuses);
        string[] snums = upstream.Responses.Select(r => AssertSignedBy(client, r, "call-1")).ToArray();
        Assert.Equal(["1", "2"], snums);
    }

    [Fact]
    public async Task A_later_signed_request_passes_without_a_new_handshake()
    {
        var harness = Harness();
        var client = Client();
        await HandshakeAsync(harness, client, "call-1");

        var (outcome, upstream) = await harness.SendAsync(Invite("z9hG4bK-n4", "call-2", client.SignedHeader(Signed("call-2"))));

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        Assert.Empty(upstream.Statuses);
        Assert.Equal(2, harness.Transport.Started.Count);
        harness.Transport.Started[1].Respond(486);
        AssertSignedBy(client, Assert.Single(upstream.Responses), "call-2");
    }

    [Fact]
    public async Task A_replayed_signature_is_challenged_again_and_not_forwarded()
    {
        var harness = Harness();
        var client = Client();
        await HandshakeAsync(harness, client, "call-1");
        string signed = client.SignedHeader(Signed("call-2"));
        await harness.SendAsync(Invite("z9hG4bK-n4", "call-2", signed));

        // Only the Via branch is outside the signature: an attacker can resend the same signed request as a new transaction.
        var (outcome, upstream) = await harness.SendAsync(Invite("z9hG4bK-n5", "call-2", signed));

        Assert.Equal(ProxyOutcome.Answered, outcome);
        Assert.Equal([407], upstream.Statuses);
        Assert.Equal(2, harness.Transport.Started.Count);
    }

    [Fact]
    public async Task A_tampered_signed_request_is_challenged_again()
    {
        var harness = Harness();
        var client = Client();
        await HandshakeAsync(harness, client, "call-1");

        // Signed for call-2, sent as call-3.
        var (_, upstream) = await harness.SendAsync(Invite("z9hG4bK-n4", "call-3", client.SignedHeader(Signed("call-2"))));

        Assert.Equal([407], upstream.Statuses);
        Assert.Single(harness.Transport.Started);
    }

    [Fact]
    public async Task A_wrong_password_ends_the_handshake_with_a_fresh_407()
    {
        var harness = Harness();
        var client = Client("wrong");
        var (_, negotiated) = await harness.SendAsync(Invite("z9hG4bK-n2", "call-1", client.NegotiateHeader()));
        string challenge = Assert.Single(TestMessages.Values(negotiated.Responses[0], HeaderKind.ProxyAuthenticate));

        var (_, upstream) = await harness.SendAsync(Invite("z9hG4bK-n3", "call-1", client.AuthenticateHeader(challenge, Signed("call-1"))));

        Assert.Equal([407], upstream.Statuses);
        Assert.Contains(TestMessages.Values(upstream.Responses[0], HeaderKind.ProxyAuthenticate), v => v.StartsWith("NTLM realm=", StringComparison.Ordinal));
        Assert.Empty(harness.Transport.Started);
    }

    [Fact]
    public async Task A_security_association_made_at_register_time_is_honoured_by_the_proxy()
    {
        // The registrar and the proxy share one authenticator (same realm and targetname: one SA for the client).
        var harness = Harness();
        var client = Client();
        SipSignatureFields register = new("reg-1", "1", "REGISTER", "sip:alice@example.com", "r1", "sip:alice@example.com", "");
        AuthVerdict first = await harness.Authenticator.VerifyAsync(RegisterRequest(client.NegotiateHeader(), register));
        Assert.Equal(AuthVerdictKind.Continue, first.Kind);
        AuthVerdict second = await harness.Authenticator.VerifyAsync(RegisterRequest(client.AuthenticateHeader(first.Challenge!, register), register));
        Assert.True(second.IsOk, second.Reason);

        var (outcome, _) = await harness.SendAsync(Invite("z9hG4bK-n4", "call-2", client.SignedHeader(Signed("call-2"))));

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
    }

    [Fact]
    public async Task An_in_dialog_request_with_a_valid_signature_gets_a_signed_response()
    {
        var harness = Harness();
        var client = Client();
        await HandshakeAsync(harness, client, "call-1");
        string bye = TestMessages.Invite(
            requestUri: "sip:bob@203.0.113.20:5070", from: "sip:alice@example.com", branch: "z9hG4bK-bye", callId: "call-1", method: "BYE",
            toTag: "callee", extra: $"Route: <sip:proxy.example.com;lr>\nProxy-Authorization: {client.SignedHeader(Signed("call-1", "BYE") with { ToUri = "sip:bob@203.0.113.20:5070", ToTag = "callee" })}\n");

        var (outcome, upstream) = await harness.SendAsync(bye);

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        harness.Transport.Started[^1].Respond(200);
        SipMessage ok = Assert.Single(upstream.Responses);
        Assert.True(ok.TryGetHeader("Proxy-Authentication-Info"u8, out _));
    }

    /// <summary>NEGOTIATE (407 with CHALLENGE), then the signed AUTHENTICATE, which is forwarded.</summary>
    private static async Task<Doubles.RecordingServerTransaction> HandshakeAsync(ProxyHarness harness, NtlmSipClient client, string callId)
    {
        var (_, negotiated) = await harness.SendAsync(Invite("z9hG4bK-n2", callId, client.NegotiateHeader()));
        Assert.Equal([407], negotiated.Statuses);
        string challenge = Assert.Single(TestMessages.Values(negotiated.Responses[0], HeaderKind.ProxyAuthenticate));
        AuthHeaderAssert(challenge);

        var (outcome, upstream) = await harness.SendAsync(Invite("z9hG4bK-n3", callId, client.AuthenticateHeader(challenge, Signed(callId))));

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        Assert.Empty(upstream.Statuses);
        Assert.Single(harness.Transport.Started);
        return upstream;
    }

    private static void AuthHeaderAssert(string challenge)
    {
        var header = NtlmSipClient.Parse(challenge);
        Assert.True(header.IsScheme("NTLM"));
        Assert.NotNull(header.Get("opaque"));
        Assert.NotNull(header.Get("gssapi-data"));
        Assert.Equal((Realm, Target), (header.Get("realm"), header.Get("targetname")));
    }

    /// <summary>Checks the rspauth as the client does, over the response's fields as received; returns snum.</summary>
    private static string AssertSignedBy(NtlmSipClient client, SipMessage response, string callId)
    {
        Assert.True(response.TryGetHeader("Proxy-Authentication-Info"u8, out SipHeader header));
        var info = NtlmSipClient.Parse(Encoding.UTF8.GetString(response.GetValue(header)));
        Assert.True(info.IsScheme("NTLM"));
        Assert.Equal((client.Opaque, "auth", Realm, Target), (info.Get("opaque"), info.Get("qop"), info.Get("realm"), info.Get("targetname")));
        var fields = Signed(callId) with { ToTag = "callee", StatusCode = response.StatusCode };
        Assert.Equal(client.ExpectedRspauth(fields, info.Get("srand")!, info.Get("snum")!), info.Get("rspauth"));
        return info.Get("snum")!;
    }

    private static AuthRequest RegisterRequest(string authorization, SipSignatureFields signed) =>
        new([authorization], "REGISTER", "sip:example.com", ReadOnlyMemory<byte>.Empty, "example.com", false, signed);
}
