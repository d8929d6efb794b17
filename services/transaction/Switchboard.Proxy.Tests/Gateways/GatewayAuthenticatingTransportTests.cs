using System.Net;
using System.Text;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Gateways;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Tests.Doubles;
using Switchboard.Proxy.Transport;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Gateways;

public sealed class GatewayAuthenticatingTransportTests
{
    private static readonly GatewaySettings Provider = new("pstn", "gw.provider.test:5080", "trunk", "trunkpw", null, 300, true);
    private static readonly SendTarget GatewayAddress = SendTarget.ToAddress(new IPEndPoint(IPAddress.Parse("192.0.2.80"), 5080), SipTransport.Udp);

    private readonly RecordingProxyTransport _inner = new();
    private readonly RecordingBranchEvents _branch = new();
    private readonly GatewayDialogs _dialogs = new(TimeProvider.System);
    private readonly GatewayRoutingOptions _options = new();

    [Fact]
    public async Task A_407_from_the_gateway_is_answered_with_the_trunk_credentials_a_new_cseq_and_the_same_dialog_ids()
    {
        var transport = await CreateAsync();
        Assert.True(transport.StartClientTransaction(Invite("sip:0115550100@gw.provider.test:5080"), _branch));
        var first = Assert.Single(_inner.Started);
        Assert.Contains("P-Asserted-Identity: <sip:alice@gw.provider.test>", first.Text);

        first.Respond(407, "gw", "Proxy-Authenticate: Digest realm=\"provider.test\", nonce=\"abc123\", qop=\"auth\", algorithm=MD5");

        Assert.Empty(_branch.Responses); // the challenge is not the caller's business
        Assert.Equal(2, _inner.Started.Count);
        var retry = _inner.Started[1];
        Assert.Equal("z9hG4bKsb1.x.a1", retry.Request.Branch);
        Assert.Contains("Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKsb1.x.a1\r\n", retry.Text);
        Assert.Contains("CSeq: 2 INVITE\r\n", retry.Text);
        Assert.Contains("Call-ID: call-1@10.0.0.9\r\n", retry.Text);
        Assert.Contains("From: <sip:alice@example.com>;tag=caller1\r\n", retry.Text);
        Assert.Matches("Proxy-Authorization: Digest username=\"trunk\", realm=\"provider.test\", nonce=\"abc123\", uri=\"sip:0115550100@gw.provider.test:5080\", response=\"[0-9a-f]{32}\"", retry.Text);
        Assert.Equal(GatewayAddress, retry.Request.Target);

        retry.Respond(200, "gw");
        var (status, text) = Assert.Single(_branch.Responses);
        Assert.Equal(200, status);
        Assert.Contains("CSeq: 1 INVITE\r\n", text); // the caller sees its own CSeq
    }

    [Fact]
    public async Task The_dialog_keeps_the_offset_for_ack_and_bye_and_their_answers()
    {
        var transport = await CreateAsync();
        transport.StartClientTransaction(Invite("sip:0115550100@gw.provider.test:5080"), _branch);
        _inner.Started[0].Respond(401, "gw", "WWW-Authenticate: Digest realm=\"provider.test\", nonce=\"n\"");
        _inner.Started[1].Respond(200, "gw");

        transport.SendStateless(Encoding.ASCII.GetBytes(InDialog("ACK", 1)), GatewayAddress);
        Assert.Contains("CSeq: 2 ACK\r\n", TestMessages.Text(_inner.Stateless.Single().Message));

        var byeEvents = new RecordingBranchEvents();
        transport.StartClientTransaction(new ProxyOutgoingRequest(Encoding.ASCII.GetBytes(InDialog("BYE", 2)), "z9hG4bKbye", SipMethod.Bye, "BYE", GatewayAddress), byeEvents);
        var bye = _inner.Started[2];
        Assert.Contains("CSeq: 3 BYE\r\n", bye.Text);
        bye.Respond(200, "gw");
        Assert.Contains("CSeq: 2 BYE\r\n", byeEvents.Responses.Single().Text);
        Assert.Equal(0, _dialogs.OffsetOf("call-1@10.0.0.9", "caller1")); // the dialog ended
    }

    [Fact]
    public async Task A_cancel_follows_the_resent_branch_and_cseq()
    {
        var transport = await CreateAsync();
        transport.StartClientTransaction(Invite("sip:0115550100@gw.provider.test:5080"), _branch);
        _inner.Started[0].Respond(407, "gw", "Proxy-Authenticate: Digest realm=\"provider.test\", nonce=\"n\"");

        string cancel = "CANCEL sip:0115550100@gw.provider.test:5080 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKsb1.x\r\n" +
            "Max-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=caller1\r\nTo: <sip:0115550100@gw.provider.test>\r\n" +
            "Call-ID: call-1@10.0.0.9\r\nCSeq: 1 CANCEL\r\nContent-Length: 0\r\n\r\n";
        transport.StartClientTransaction(new ProxyOutgoingRequest(Encoding.ASCII.GetBytes(cancel), "z9hG4bKsb1.x", SipMethod.Cancel, "CANCEL", GatewayAddress), _branch);

        var sent = _inner.Started[2];
        Assert.Equal("z9hG4bKsb1.x.a1", sent.Request.Branch);
        Assert.Contains("branch=z9hG4bKsb1.x.a1\r\n", sent.Text);
        Assert.Contains("CSeq: 2 CANCEL\r\n", sent.Text);
    }

    [Fact]
    public async Task A_second_challenge_after_the_attempts_goes_back_to_the_caller_unchanged_in_cseq()
    {
        _options.MaxAuthAttempts = 1;
        var transport = await CreateAsync();
        transport.StartClientTransaction(Invite("sip:0115550100@gw.provider.test:5080"), _branch);
        _inner.Started[0].Respond(407, "gw", "Proxy-Authenticate: Digest realm=\"provider.test\", nonce=\"n1\"");
        _inner.Started[1].Respond(407, "gw", "Proxy-Authenticate: Digest realm=\"provider.test\", nonce=\"n2\"");

        Assert.Equal(2, _inner.Started.Count);
        var (status, text) = Assert.Single(_branch.Responses);
        Assert.Equal(407, status);
        Assert.Contains("CSeq: 1 INVITE\r\n", text);
    }

    [Fact]
    public async Task Requests_to_other_destinations_pass_untouched_and_their_challenges_reach_the_caller()
    {
        var transport = await CreateAsync();
        var request = Invite("sip:bob@elsewhere.test");
        request = request with { Target = SendTarget.ToAddress(new IPEndPoint(IPAddress.Parse("192.0.2.99"), 5060)) };

        transport.StartClientTransaction(request, _branch);
        var sent = Assert.Single(_inner.Started);
        Assert.Equal(TestMessages.Text(request.Bytes), sent.Text);
        Assert.DoesNotContain("P-Asserted-Identity", sent.Text);
        sent.Respond(407, "x", "Proxy-Authenticate: Digest realm=\"elsewhere\", nonce=\"n\"");
        Assert.Equal(407, Assert.Single(_branch.Responses).Status);
    }

    [Fact]
    public async Task The_from_is_rewritten_to_the_trunk_account_when_configured()
    {
        _options.CallerIdentity = CallerIdentityMode.RewriteFrom;
        var transport = await CreateAsync();

        transport.StartClientTransaction(Invite("sip:0115550100@gw.provider.test:5080"), _branch);

        var sent = Assert.Single(_inner.Started);
        Assert.Contains("From: <sip:trunk@gw.provider.test>;tag=caller1\r\n", sent.Text);
        Assert.DoesNotContain("P-Asserted-Identity", sent.Text);
    }

    [Fact]
    public async Task An_invite_to_a_gateway_is_record_routed_so_the_shifted_dialog_passes_through_us()
    {
        var identity = new ProxyIdentity(new ProxyOptions { AdvertisedHost = "10.0.0.1", UdpPort = 5060 });
        var transport = await CreateAsync(identity);
        transport.StartClientTransaction(Invite("sip:0115550100@gw.provider.test:5080"), _branch);
        _inner.Started[0].Respond(407, "gw", "Proxy-Authenticate: Digest realm=\"provider.test\", nonce=\"n\"");

        const string ours = "Record-Route: <sip:10.0.0.1:5060;transport=udp;lr>\r\n";
        Assert.Contains(ours, _inner.Started[0].Text);
        Assert.Contains(ours, _inner.Started[1].Text);
        Assert.Single(_inner.Started[1].Text.Split(ours)[1..]); // once, not again on the re-sent INVITE
    }

    [Fact]
    public async Task Our_record_route_already_planned_by_the_proxy_is_not_added_twice_and_stays_on_top_of_others()
    {
        var identity = new ProxyIdentity(new ProxyOptions { AdvertisedHost = "10.0.0.1", UdpPort = 5060 });
        var transport = await CreateAsync(identity);
        var invite = Invite("sip:0115550100@gw.provider.test:5080");
        string withRoutes = Encoding.ASCII.GetString(invite.Bytes.Span).Replace(
            "Max-Forwards: 69\r\n", "Max-Forwards: 69\r\nRecord-Route: <sip:10.0.0.1:5060;transport=udp;lr;ftag=x>\r\n", StringComparison.Ordinal);
        transport.StartClientTransaction(invite with { Bytes = Encoding.ASCII.GetBytes(withRoutes) }, _branch);
        Assert.Single(_inner.Started[0].Text.Split("Record-Route:")[1..]);

        string upstream = Encoding.ASCII.GetString(Invite("sip:0115550100@gw.provider.test:5080").Bytes.Span).Replace(
            "Max-Forwards: 69\r\n", "Max-Forwards: 69\r\nRecord-Route: <sip:upstream.test;lr>\r\n", StringComparison.Ordinal);
        transport.StartClientTransaction(invite with { Bytes = Encoding.ASCII.GetBytes(upstream.Replace("call-1@", "call-2@", StringComparison.Ordinal)) }, _branch);
        Assert.Contains("Record-Route: <sip:10.0.0.1:5060;transport=udp;lr>\r\nRecord-Route: <sip:upstream.test;lr>\r\n", _inner.Started[1].Text);
    }

    private async Task<GatewayAuthenticatingTransport> CreateAsync(ProxyIdentity? identity = null)
    {
        var catalog = new GatewayCatalog(new RecordingGatewayDirectory(Provider), _options, TimeProvider.System);
        await catalog.RefreshAsync();
        return new GatewayAuthenticatingTransport(_inner, catalog, _dialogs, _options, identity);
    }

    private static ProxyOutgoingRequest Invite(string requestUri) => new(
        Encoding.ASCII.GetBytes(
            $"INVITE {requestUri} SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKsb1.x\r\n" +
            "Via: SIP/2.0/UDP 10.0.0.9:5062;branch=z9hG4bKcaller;received=10.0.0.9\r\n" +
            "Max-Forwards: 69\r\n" +
            "From: <sip:alice@example.com>;tag=caller1\r\n" +
            "To: <sip:90115550100@example.com>\r\n" +
            "Call-ID: call-1@10.0.0.9\r\n" +
            "CSeq: 1 INVITE\r\n" +
            "Contact: <sip:alice@10.0.0.9:5062>\r\n" +
            "Content-Type: application/sdp\r\n" +
            "Content-Length: 4\r\n\r\nv=0\n"),
        "z9hG4bKsb1.x", SipMethod.Invite, "INVITE", GatewayAddress);

    private static string InDialog(string method, int cseq) =>
        $"{method} sip:uas@192.0.2.80:5070 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK{method.ToLowerInvariant()}\r\n" +
        "Max-Forwards: 69\r\n" +
        "From: <sip:alice@example.com>;tag=caller1\r\n" +
        "To: <sip:90115550100@example.com>;tag=gw\r\n" +
        "Call-ID: call-1@10.0.0.9\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        "Content-Length: 0\r\n\r\n";
}
