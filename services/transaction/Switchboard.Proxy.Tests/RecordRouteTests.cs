using System.Net;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Routing;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests;

/// <summary>RFC 3261 §16.6 step 4 and RFC 5658 double record-routing: when the proxy stays in the dialog.</summary>
public sealed class RecordRouteTests
{
    private static ProxyHarness WithBob(bool forceRelaying, string contact = "sip:bob@203.0.113.20:5070", RegistrationFlow? flow = null)
    {
        var harness = new ProxyHarness(o => o.ForceRelaying = forceRelaying);
        harness.Router.AddAccount("bob");
        harness.Registrar.Add("sip:bob@example.com", contact, flow: flow);
        return harness;
    }

    [Fact]
    public async Task Force_relaying_adds_one_record_route_with_lr_and_the_transport()
    {
        var harness = WithBob(forceRelaying: true);

        await harness.SendAsync(TestMessages.Invite());

        var sent = Assert.Single(harness.Transport.Started);
        Assert.Equal(["<sip:192.0.2.1:5060;transport=udp;lr>"], TestMessages.Values(sent.Message, HeaderKind.RecordRoute));
    }

    [Fact]
    public async Task Without_force_relaying_nat_or_transport_change_the_proxy_leaves_the_dialog()
    {
        var harness = WithBob(forceRelaying: false);

        await harness.SendAsync(TestMessages.Invite());

        var sent = Assert.Single(harness.Transport.Started);
        Assert.Empty(TestMessages.Values(sent.Message, HeaderKind.RecordRoute));
        Assert.Null(sent.Request.Target.Flow);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.20"), 5070), sent.Request.Target.Destination);
    }

    [Fact]
    public async Task A_message_is_not_record_routed_even_with_force_relaying()
    {
        var harness = WithBob(forceRelaying: true);

        await harness.SendAsync(TestMessages.Invite(method: "MESSAGE"));

        Assert.Empty(TestMessages.Values(Assert.Single(harness.Transport.Started).Message, HeaderKind.RecordRoute));
    }

    [Fact]
    public async Task A_transport_change_gets_two_record_routes_each_facing_its_side()
    {
        var harness = WithBob(forceRelaying: false, contact: "sip:bob@203.0.113.20:5070;transport=tcp",
            flow: new RegistrationFlow("edge-1", "TCP", "192.0.2.1", 5060, "203.0.113.20", 5070, "77"));

        await harness.SendAsync(TestMessages.Invite());

        var sent = Assert.Single(harness.Transport.Started);
        List<string> recordRoutes = TestMessages.Values(sent.Message, HeaderKind.RecordRoute);
        Assert.Equal(2, recordRoutes.Count);
        Assert.StartsWith("<sip:192.0.2.1:5060;transport=tcp;lr;sbf=", recordRoutes[0], StringComparison.Ordinal);
        Assert.Equal("<sip:192.0.2.1:5060;transport=udp;lr>", recordRoutes[1]);
        Assert.StartsWith("SIP/2.0/TCP 192.0.2.1:5060;branch=", TestMessages.Values(sent.Message, HeaderKind.Via)[0], StringComparison.Ordinal);
        Assert.Equal(77, sent.Request.Target.Flow!.Value.ConnectionId); // the device's own connection is reused
    }

    [Fact]
    public async Task A_contact_registered_from_another_port_of_the_same_address_is_reached_at_the_contact()
    {
        var otherSocket = new RegistrationFlow("edge-1", "UDP", "192.0.2.1", 5060, "203.0.113.20", 5099);
        var harness = WithBob(forceRelaying: false, contact: "sip:bob@203.0.113.20:5070", flow: otherSocket);

        await harness.SendAsync(TestMessages.Invite());

        var sent = Assert.Single(harness.Transport.Started);
        Assert.Null(sent.Request.Target.Flow);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.20"), 5070), sent.Request.Target.Destination);
        Assert.Empty(TestMessages.Values(sent.Message, HeaderKind.RecordRoute));
    }

    [Fact]
    public async Task A_device_behind_nat_is_reached_over_its_flow_and_in_dialog_requests_follow_the_flow_token()
    {
        var natFlow = new RegistrationFlow("edge-1", "UDP", "192.0.2.1", 5060, "203.0.113.20", 40000);
        var harness = WithBob(forceRelaying: false, contact: "sip:bob@10.0.0.5:5060", flow: natFlow);

        await harness.SendAsync(TestMessages.Invite());

        var invite = Assert.Single(harness.Transport.Started);
        Assert.Equal("sip:bob@10.0.0.5:5060", TestMessages.RequestUri(invite.Message));
        SipFlow flow = invite.Request.Target.Flow!.Value;
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.20"), 40000), flow.Remote);
        List<string> recordRoutes = TestMessages.Values(invite.Message, HeaderKind.RecordRoute);
        Assert.Equal(2, recordRoutes.Count);

        // The caller's BYE carries the Record-Route values reversed; the callee-facing one holds the flow.
        string bye = $"""
            BYE sip:bob@10.0.0.5:5060 SIP/2.0
            Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-bye-nat
            Max-Forwards: 70
            Route: {recordRoutes[1]}, {recordRoutes[0]}
            From: <sip:carol@example.net>;tag=c1
            To: <sip:bob@example.com>;tag=callee
            Call-ID: call-1@198.51.100.7
            CSeq: 2 BYE
            Content-Length: 0


            """;
        var (outcome, _) = await harness.SendAsync(bye);

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        var sentBye = harness.Transport.Requests(SipMethod.Bye).Single();
        Assert.Equal(flow, sentBye.Request.Target.Flow);
        Assert.Empty(TestMessages.Values(sentBye.Message, HeaderKind.Route));
    }

    [Fact]
    public async Task A_caller_behind_nat_makes_the_caller_facing_record_route_carry_its_flow()
    {
        var harness = WithBob(forceRelaying: false);
        SipFlow callerNat = ProxyHarness.Udp("198.51.100.7", 61000); // Contact says :5060

        await harness.SendAsync(TestMessages.Invite(), callerNat);

        List<string> recordRoutes = TestMessages.Values(Assert.Single(harness.Transport.Started).Message, HeaderKind.RecordRoute);
        Assert.Equal(2, recordRoutes.Count);
        Assert.Equal("<sip:192.0.2.1:5060;transport=udp;lr>", recordRoutes[0]);
        string token = recordRoutes[1][(recordRoutes[1].IndexOf("sbf=", StringComparison.Ordinal) + 4)..^1];
        Assert.True(FlowToken.TryDecode(token, out SipFlow decoded));
        Assert.Equal(callerNat, decoded);
    }

    [Fact]
    public async Task A_tcp_caller_and_a_udp_callee_each_get_their_own_record_route_and_byes_cross_back()
    {
        var harness = WithBob(forceRelaying: false);
        SipFlow caller = ProxyHarness.Tcp("198.51.100.7", 5060, connection: 42);
        await harness.SendAsync(TestMessages.Invite().Replace("SIP/2.0/UDP 198.51.100.7", "SIP/2.0/TCP 198.51.100.7"), caller);

        var invite = Assert.Single(harness.Transport.Started);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.20"), 5070), invite.Request.Target.Destination);
        Assert.StartsWith("SIP/2.0/UDP 192.0.2.1:5060;branch=", TestMessages.Values(invite.Message, HeaderKind.Via)[0], StringComparison.Ordinal);
        // RFC 5658: the callee-facing value (top) is UDP without a flow; the caller-facing one is TCP with the caller's connection.
        List<string> recordRoutes = TestMessages.Values(invite.Message, HeaderKind.RecordRoute);
        Assert.Equal(2, recordRoutes.Count);
        Assert.Equal("<sip:192.0.2.1:5060;transport=udp;lr>", recordRoutes[0]);
        Assert.StartsWith("<sip:192.0.2.1:5060;transport=tcp;lr;sbf=", recordRoutes[1], StringComparison.Ordinal);

        // The caller's BYE (route set reversed) goes to the callee's Contact, not back over the caller's connection.
        await harness.SendAsync(Bye("sip:bob@203.0.113.20:5070", "z9hG4bK-bye-caller", $"{recordRoutes[1]}, {recordRoutes[0]}", "carol", "bob", "c1", "callee", "TCP"), caller);
        var callerBye = harness.Transport.Requests(SipMethod.Bye).Single();
        Assert.Null(callerBye.Request.Target.Flow);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.20"), 5070), callerBye.Request.Target.Destination);
        Assert.StartsWith("SIP/2.0/UDP ", TestMessages.Values(callerBye.Message, HeaderKind.Via)[0], StringComparison.Ordinal);

        // The callee's BYE (route set in order) goes back over the caller's TCP connection.
        await harness.SendAsync(Bye("sip:carol@198.51.100.7:5060", "z9hG4bK-bye-callee", $"{recordRoutes[0]}, {recordRoutes[1]}", "bob", "carol", "callee", "c1", "UDP"),
            ProxyHarness.Udp("203.0.113.20", 5070));
        var calleeBye = harness.Transport.Requests(SipMethod.Bye)[1];
        Assert.Equal(caller, calleeBye.Request.Target.Flow);
        Assert.StartsWith("SIP/2.0/TCP ", TestMessages.Values(calleeBye.Message, HeaderKind.Via)[0], StringComparison.Ordinal);
        Assert.Empty(TestMessages.Values(calleeBye.Message, HeaderKind.Route));
    }

    private static string Bye(string requestUri, string branch, string route, string from, string to, string fromTag, string toTag, string transport) => $"""
        BYE {requestUri} SIP/2.0
        Via: SIP/2.0/{transport} 203.0.113.99:5060;branch={branch}
        Max-Forwards: 70
        Route: {route}
        From: <sip:{from}@example.com>;tag={fromTag}
        To: <sip:{to}@example.com>;tag={toTag}
        Call-ID: call-1@198.51.100.7
        CSeq: 2 BYE
        Content-Length: 0


        """;

    [Fact]
    public void A_tampered_flow_token_is_refused()
    {
        Assert.False(FlowToken.TryDecode("not*base64", out _));
        Assert.False(FlowToken.TryDecode("YWJj", out _)); // "abc": no fields
    }
}
