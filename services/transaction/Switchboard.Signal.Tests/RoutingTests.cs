using System.Net;
using Switchboard.Contracts.Sip;
using Switchboard.Signal.Tests.Messages;

namespace Switchboard.Signal.Tests;

/// <summary>RFC 3261 §18.2.2 and RFC 3581: where responses go.</summary>
public sealed class RoutingTests
{
    [Fact]
    public void Udp_response_goes_to_received_and_rport_from_the_same_local_socket()
    {
        using var h = new SignalHarness();
        var nat = new IPEndPoint(IPAddress.Parse("203.0.113.5"), 61000);

        h.Receive(SipText.Options(via: "SIP/2.0/UDP 192.168.1.20:5060;received=203.0.113.5;rport=61000"), SignalHarness.Flow(remote: nat));

        var target = h.TakeSingle().Target;
        Assert.Null(target.Destination);
        Assert.Equal(nat, target.Flow!.Value.Remote);
        Assert.Equal(SignalHarness.Local, target.Flow.Value.Local);
    }

    [Fact]
    public void Udp_response_without_rport_goes_to_received_and_the_sent_by_port()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Options(via: "SIP/2.0/UDP client.example.net:5080;received=198.51.100.9"));

        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 5080), h.TakeSingle().Target.Flow!.Value.Remote);
    }

    [Fact]
    public void Udp_response_without_received_goes_to_the_sent_by_address_and_default_port()
    {
        using var h = new SignalHarness();

        h.Receive(SipText.Options(via: "SIP/2.0/UDP 192.0.2.44"));

        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.44"), 5060), h.TakeSingle().Target.Flow!.Value.Remote);
    }

    [Fact]
    public void Tcp_response_goes_back_over_the_connection()
    {
        using var h = new SignalHarness();
        var flow = SignalHarness.Flow(SipTransport.Tcp, connection: 42);

        h.Receive(SipText.Options(via: "SIP/2.0/TCP 192.0.2.10:5070"), flow);

        Assert.Equal(SendTarget.ToFlow(flow), h.TakeSingle().Target);
    }

    [Fact]
    public void Tcp_response_on_a_closed_connection_falls_back_to_the_via_address()
    {
        using var h = new SignalHarness();
        h.Sender.NextStatus = SendStatus.FlowClosed;

        h.Receive(SipText.Options(via: "SIP/2.0/TCP 192.0.2.10:5070"), SignalHarness.Flow(SipTransport.Tcp, connection: 42));

        var sent = h.TakeSent();
        Assert.Equal(2, sent.Count);
        Assert.Equal(SendTarget.ToAddress(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5070), SipTransport.Tcp), sent[1].Target);
    }
}
