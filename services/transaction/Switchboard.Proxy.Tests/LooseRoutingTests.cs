using System.Net;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests;

/// <summary>RFC 3261 §16.4, §16.6 steps 6–7 and the §16.12 examples, played from the proxy's seat.</summary>
public sealed class LooseRoutingTests
{
    private static ProxyHarness Proxy(string name, bool forceRelaying = false)
    {
        var harness = new ProxyHarness(o =>
        {
            o.AdvertisedHost = name;
            o.ServerNames = [name];
            o.ForceRelaying = forceRelaying;
            o.TrustedNetworks = ["198.51.100.0/24"];
        });
        harness.Locator.Names["domain.com"] = IPAddress.Parse("203.0.113.50");
        harness.Locator.Names["u2.domain.com"] = IPAddress.Parse("203.0.113.52");
        harness.Locator.Names["p2.domain.com"] = IPAddress.Parse("203.0.113.51");
        harness.Locator.Names["p3.middle.com"] = IPAddress.Parse("203.0.113.3");
        return harness;
    }

    private static string Bye(string requestUri, string route) => $"""
        BYE {requestUri} SIP/2.0
        Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-bye-1
        Max-Forwards: 70
        Route: {route}
        From: <sip:caller@u1.example.com>;tag=c1
        To: <sip:callee@domain.com>;tag=callee
        Call-ID: trapezoid@u1.example.com
        CSeq: 2 BYE
        Content-Length: 0


        """;

    [Fact]
    public async Task S16_12_1_1_initial_invite_keeps_its_request_uri_and_gets_our_record_route()
    {
        var harness = Proxy("p1.example.com", forceRelaying: true);

        await harness.SendAsync(TestMessages.Invite("sip:callee@domain.com", from: "sip:caller@u1.example.com"));

        var sent = Assert.Single(harness.Transport.Started);
        Assert.Equal("sip:callee@domain.com", TestMessages.RequestUri(sent.Message));
        Assert.Equal(["<sip:p1.example.com:5060;transport=udp;lr>"], TestMessages.Values(sent.Message, HeaderKind.RecordRoute));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.50"), 5060), sent.Request.Target.Destination);
    }

    [Fact]
    public async Task S16_12_1_1_bye_pops_our_route_and_goes_to_the_next_loose_router()
    {
        var harness = Proxy("p1.example.com");

        var (outcome, _) = await harness.SendAsync(Bye("sip:callee@u2.domain.com", "<sip:p1.example.com;lr>,<sip:p2.domain.com;lr>"));

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        var sent = Assert.Single(harness.Transport.Started);
        Assert.Equal("sip:callee@u2.domain.com", TestMessages.RequestUri(sent.Message));
        Assert.Equal(["<sip:p2.domain.com;lr>"], TestMessages.Values(sent.Message, HeaderKind.Route));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.51"), 5060), sent.Request.Target.Destination);
        Assert.Empty(TestMessages.Values(sent.Message, HeaderKind.RecordRoute));
    }

    [Fact]
    public async Task S16_12_1_1_bye_after_the_last_route_goes_to_the_request_uri()
    {
        var harness = Proxy("p2.domain.com");

        await harness.SendAsync(Bye("sip:callee@u2.domain.com", "<sip:p2.domain.com;lr>"));

        var sent = Assert.Single(harness.Transport.Started);
        Assert.Empty(TestMessages.Values(sent.Message, HeaderKind.Route));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.52"), 5060), sent.Request.Target.Destination);
    }

    [Fact]
    public async Task S16_12_1_2_before_a_strict_router_the_request_uri_moves_to_the_end_of_the_route_set()
    {
        var harness = Proxy("p2.example.com");

        await harness.SendAsync(Bye("sip:callee@u2.domain.com", "<sip:p2.example.com;lr>,<sip:p3.middle.com>,<sip:p4.domain.com;lr>"));

        var sent = Assert.Single(harness.Transport.Started);
        Assert.Equal("sip:p3.middle.com", TestMessages.RequestUri(sent.Message));
        Assert.Equal(["<sip:p4.domain.com;lr>", "<sip:callee@u2.domain.com>"], TestMessages.Values(sent.Message, HeaderKind.Route));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.3"), 5060), sent.Request.Target.Destination);
    }

    [Fact]
    public async Task S16_12_1_2_after_a_strict_router_our_uri_in_the_request_uri_is_replaced_by_the_last_route()
    {
        var harness = Proxy("p4.domain.com");

        await harness.SendAsync(Bye("sip:p4.domain.com;lr", "<sip:callee@u2.domain.com>"));

        var sent = Assert.Single(harness.Transport.Started);
        Assert.Equal("sip:callee@u2.domain.com", TestMessages.RequestUri(sent.Message));
        Assert.Empty(TestMessages.Values(sent.Message, HeaderKind.Route));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.52"), 5060), sent.Request.Target.Destination);
    }

    [Theory]
    [InlineData("ACK")]
    [InlineData("INVITE")]
    [InlineData("UPDATE")]
    [InlineData("INFO")]
    [InlineData("REFER")]
    [InlineData("NOTIFY")]
    [InlineData("PRACK")]
    public async Task In_dialog_requests_follow_the_route_set(string method)
    {
        var harness = Proxy("p1.example.com");
        string request = Bye("sip:callee@u2.domain.com", "<sip:p1.example.com;lr>,<sip:p2.domain.com;lr>")
            .Replace("BYE", method, StringComparison.Ordinal);

        var (outcome, _) = await harness.SendAsync(request);

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        SipMessage sent = method == "ACK" ? Assert.Single(harness.Transport.Stateless).Message : Assert.Single(harness.Transport.Started).Message;
        Assert.Equal(["<sip:p2.domain.com;lr>"], TestMessages.Values(sent, HeaderKind.Route));
        Assert.Equal("sip:callee@u2.domain.com", TestMessages.RequestUri(sent));
        Assert.Empty(TestMessages.Values(sent, HeaderKind.RecordRoute));
    }

    [Fact]
    public async Task Our_via_goes_on_top_with_a_magic_cookie_branch_and_the_rest_is_unchanged()
    {
        var harness = Proxy("p1.example.com");

        await harness.SendAsync(Bye("sip:callee@u2.domain.com", "<sip:p1.example.com;lr>,<sip:p2.domain.com;lr>"));

        var sent = Assert.Single(harness.Transport.Started);
        List<string> vias = TestMessages.Values(sent.Message, HeaderKind.Via);
        Assert.Equal(2, vias.Count);
        Assert.StartsWith("SIP/2.0/UDP p1.example.com:5060;branch=z9hG4bKsb", vias[0], StringComparison.Ordinal);
        Assert.Equal("SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-bye-1", vias[1]);
        Assert.Contains($"branch={sent.Request.Branch}", vias[0], StringComparison.Ordinal);
        Assert.Contains("Call-ID: trapezoid@u1.example.com\r\nCSeq: 2 BYE\r\n", sent.Text, StringComparison.Ordinal);
    }
}
