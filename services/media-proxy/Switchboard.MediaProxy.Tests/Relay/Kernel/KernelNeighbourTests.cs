using System.Net;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Switchboard.MediaProxy.Tests.Relay.Kernel;

/// <summary>
/// The kernel path between real interfaces: the caller in one network namespace, the callee in another, the relay
/// on the host between them (veth pairs). Once latched, packets arriving on one interface leave by the other through
/// the neighbour table, with the relay's own address and port as source (symmetric RTP), and nothing reaches the
/// relay's sockets.
/// </summary>
public sealed class KernelNeighbourTests : IDisposable
{
    private readonly TwoNetworks _networks = new();
    private readonly FakeTimeProvider _time = new();
    private readonly MediaRelay _relay;
    private readonly UdpPeer _caller;
    private readonly UdpPeer _callee;

    public KernelNeighbourTests()
    {
        _relay = TestRelay.Create(_time, 42400, configure: o =>
        {
            o.BindAddress = "0.0.0.0";
            o.KernelForwarding = KernelForwardingMode.Required;
            o.KernelInterfaces = _networks.HostInterfaces;
        });
        _caller = new UdpPeer(_networks.PhoneSocket("a"), TwoNetworks.HostA);
        _callee = new UdpPeer(_networks.PhoneSocket("b"), TwoNetworks.HostB);
    }

    public void Dispose()
    {
        _relay.Dispose();
        _caller.Dispose();
        _callee.Dispose();
        _networks.Dispose();
    }

    [Fact]
    public async Task Latched_streams_cross_between_interfaces_in_the_kernel_from_the_relay_address()
    {
        var offer = _relay.Offer("neighbour-1", "a", TestSdp.Audio(_caller.Port, TwoNetworks.PhoneA.ToString()), MediaSide.Wan);
        var answer = _relay.Answer("neighbour-1", "a", "b", TestSdp.Audio(_callee.Port, TwoNetworks.PhoneB.ToString()), MediaSide.Lan);
        var (callerSendsTo, calleeSendsTo) = (TestSdp.Port(answer.Sdp), TestSdp.Port(offer.Sdp));

        _caller.SendRtp(1, callerSendsTo);
        Assert.Equal((ushort)1, await _callee.ReceiveAsync());
        _callee.SendRtp(2, calleeSendsTo);
        Assert.Equal(new IPEndPoint(TwoNetworks.HostA, callerSendsTo), await _caller.ReceiveSourceAsync()); // user space
        _caller.SendRtp(3, callerSendsTo);
        Assert.Equal((ushort)3, await _callee.ReceiveAsync());
        for (var attempt = 0; attempt < 100 && _relay.Metrics.KernelRules < 2; attempt++)
            await Task.Delay(10);
        Assert.Equal(2, _relay.Metrics.KernelRules);

        for (ushort sequence = 10; sequence < 60; sequence++)
        {
            _caller.SendRtp(sequence, callerSendsTo);
            Assert.Equal(sequence, await _callee.ReceiveAsync());
            _callee.SendRtp((ushort)(sequence + 1000), calleeSendsTo);
            Assert.Equal((ushort)(sequence + 1000), await _caller.ReceiveAsync());
        }

        _callee.SendRtp(2000, calleeSendsTo);
        Assert.Equal(new IPEndPoint(TwoNetworks.HostA, callerSendsTo), await _caller.ReceiveSourceAsync()); // kernel, same source
        Assert.Equal(101, _relay.Metrics.KernelPacketsRelayed);
        Assert.Equal(104, _relay.GetSession("neighbour-1")!.Counters.Packets);
    }
}
