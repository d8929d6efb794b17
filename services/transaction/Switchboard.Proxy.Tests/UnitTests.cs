using System.Net;
using System.Text;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Context;
using Switchboard.Proxy.Forwarding;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Targets;
using Switchboard.Proxy.Validation;
using Switchboard.Sip;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Tests;

/// <summary>The pure pieces on their own: best response, forwarding by edits, binding targets, branches.</summary>
public sealed class UnitTests
{
    [Theory]
    [InlineData(new int[0], -1)]
    [InlineData(new[] { 486 }, 0)]
    [InlineData(new[] { 500, 486, 404 }, 1)]
    [InlineData(new[] { 486, 407, 401 }, 1)]
    [InlineData(new[] { 302, 603, 200 }, 1)]
    [InlineData(new[] { 404, 302 }, 1)]
    [InlineData(new[] { 600, 603 }, 0)]
    public void Best_response_follows_rfc3261_16_7_step_6(int[] statuses, int expected)
    {
        Assert.Equal(expected, BestResponseSelector.Choose(statuses));
    }

    [Fact]
    public void Forwarding_edits_only_what_it_must_and_keeps_the_body_byte_for_byte()
    {
        string text = TestMessages.Crlf("""
            MESSAGE sip:bob@example.com SIP/2.0
            Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-m1
            Max-Forwards: 9
            From: <sip:carol@example.net>;tag=c1
            To: <sip:bob@example.com>
            Call-ID: m1
            CSeq: 1 MESSAGE
            X-Odd:   spacing kept  
            Content-Type: text/plain
            Content-Length: 5

            hello
            """);
        SipMessage request = TestMessages.Parse(text);
        var identity = new ProxyIdentity(new ProxyOptions { AdvertisedHost = "192.0.2.1" });
        var plan = new ForwardPlan(new RouteProcessing(), ProxyTarget.ForUri(SipUri.Parse("sip:bob@203.0.113.20")),
            identity.CreateVia(SipTransport.Tcp, "z9hG4bKsbX"), [], Reliable: true);

        string forwarded = Encoding.UTF8.GetString(RequestForwarder.Forward(request, plan));

        string expected = text
            .Replace("MESSAGE sip:bob@example.com SIP/2.0\r\n", "MESSAGE sip:bob@203.0.113.20 SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bKsbX\r\n", StringComparison.Ordinal)
            .Replace("Max-Forwards: 9", "Max-Forwards: 8", StringComparison.Ordinal);
        Assert.Equal(expected, forwarded);
    }

    [Fact]
    public void A_binding_from_its_own_address_is_reached_directly_and_a_natted_one_over_its_flow()
    {
        var direct = new ContactBinding("sip:bob@example.com", "sip:bob@203.0.113.20:5070", 60, 1000, null, null, [],
            new RegistrationFlow("edge-1", "UDP", "192.0.2.1", 5060, "203.0.113.20", 5070));
        var natted = direct with { ContactUri = "sip:bob@10.1.1.1:5070" };
        var pathed = natted with { Path = ["<sip:edge.example.com;lr>"] };

        Assert.Null(BindingTargets.From(direct)!.Flow);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.20"), 5070), BindingTargets.From(natted)!.Flow!.Value.Remote);
        ProxyTarget viaPath = BindingTargets.From(pathed)!;
        Assert.Null(viaPath.Flow);
        Assert.Equal("edge.example.com", NextHopPlanner.Plan(new RouteProcessing(), viaPath, viaPath.RequestUri).Hop.Host);
    }

    [Fact]
    public void Bindings_are_grouped_by_q_highest_first()
    {
        ContactBinding Binding(string host, int q) => new("sip:bob@example.com", $"sip:bob@{host}", 60, q, null, null, [],
            new RegistrationFlow("edge-1", "UDP", "192.0.2.1", 5060, host, 5060));

        TargetSet set = TargetSetBuilder.FromBindings([Binding("203.0.113.1", 500), Binding("203.0.113.2", 1000), Binding("203.0.113.3", 500)]);

        Assert.Equal([1000, 500], set.Groups.Select(g => g.QThousandths));
        Assert.Equal(["203.0.113.1", "203.0.113.3"], set.Groups[1].Targets.Select(t => t.RequestUri.Host));
    }

    [Fact]
    public void Branches_are_unique_carry_the_loop_hash_and_stateless_ones_repeat()
    {
        var ids = new BranchIds();

        string a = ids.Create(0x1234);
        string b = ids.Create(0x1234);

        Assert.NotEqual(a, b);
        Assert.StartsWith("z9hG4bK", a, StringComparison.Ordinal);
        Assert.True(BranchIds.TryGetLoopHash(Encoding.ASCII.GetBytes(a), out ulong hash));
        Assert.Equal(0x1234UL, hash);
        Assert.Equal(ids.CreateStateless(7, "z9hG4bKx"u8), ids.CreateStateless(7, "z9hG4bKx"u8));
        Assert.NotEqual(ids.CreateStateless(7, "z9hG4bKx"u8), ids.CreateStateless(7, "z9hG4bKy"u8));
        Assert.False(BranchIds.TryGetLoopHash("z9hG4bK-other"u8, out _));
    }

    [Fact]
    public void The_loop_hash_changes_with_the_request_uri_but_not_with_max_forwards()
    {
        ulong first = LoopDetector.ComputeHash(TestMessages.Parse(TestMessages.Invite(maxForwards: 70)));
        ulong fewer = LoopDetector.ComputeHash(TestMessages.Parse(TestMessages.Invite(maxForwards: 3)));
        ulong other = LoopDetector.ComputeHash(TestMessages.Parse(TestMessages.Invite("sip:bob@203.0.113.5")));

        Assert.Equal(first, fewer);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_cancel_copies_the_branch_request_uri_routes_and_tags_of_the_forwarded_invite()
    {
        SipMessage invite = TestMessages.Parse(TestMessages.Invite(extra: "Route: <sip:203.0.113.9;lr>\n"));

        SipMessage cancel = TestMessages.Parse(CancelBuilder.Build(invite, null));

        Assert.Equal(SipMethod.Cancel, cancel.Method);
        Assert.Equal("sip:bob@example.com", TestMessages.RequestUri(cancel));
        Assert.Equal(TestMessages.Values(invite, HeaderKind.Via), TestMessages.Values(cancel, HeaderKind.Via));
        Assert.Equal(["<sip:203.0.113.9;lr>"], TestMessages.Values(cancel, HeaderKind.Route));
        Assert.True(cancel.TryGetCSeq(out var cseq));
        Assert.Equal(1u, cseq.Number);
    }
}
