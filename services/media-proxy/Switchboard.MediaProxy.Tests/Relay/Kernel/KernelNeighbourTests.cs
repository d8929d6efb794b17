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
[Collection(TwoNetworks.Collection)]
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
    public Task Latched_streams_cross_between_interfaces_in_the_kernel_from_the_relay_address() =>
        CrossInKernelAsync(_relay, _caller, _callee, "neighbour-1");

    /// <summary>
    /// A call between the two networks: once latched, a hundred packets cross in the kernel (and only there), each
    /// way with the relay's address and port facing the receiver as source.
    /// </summary>
    internal static async Task CrossInKernelAsync(MediaRelay relay, UdpPeer caller, UdpPeer callee, string callId)
    {
        var offer = relay.Offer(callId, "a", TestSdp.Audio(caller.Port, TwoNetworks.PhoneA.ToString()), MediaSide.Wan);
        var answer = relay.Answer(callId, "a", "b", TestSdp.Audio(callee.Port, TwoNetworks.PhoneB.ToString()), MediaSide.Lan);
        var (callerSendsTo, calleeSendsTo) = (TestSdp.Port(answer.Sdp), TestSdp.Port(offer.Sdp));
        var kernelBefore = relay.Metrics.KernelPacketsRelayed;

        caller.SendRtp(1, callerSendsTo);
        Assert.Equal((ushort)1, await callee.ReceiveAsync());
        callee.SendRtp(2, calleeSendsTo);
        Assert.Equal(new IPEndPoint(TwoNetworks.HostA, callerSendsTo), await caller.ReceiveSourceAsync()); // user space
        caller.SendRtp(3, callerSendsTo);
        Assert.Equal((ushort)3, await callee.ReceiveAsync());
        for (var attempt = 0; attempt < 100 && relay.Metrics.KernelRules < 2; attempt++)
            await Task.Delay(10);
        Assert.Equal(2, relay.Metrics.KernelRules);

        for (ushort sequence = 10; sequence < 60; sequence++)
        {
            caller.SendRtp(sequence, callerSendsTo);
            Assert.Equal(sequence, await callee.ReceiveAsync());
            callee.SendRtp((ushort)(sequence + 1000), calleeSendsTo);
            Assert.Equal((ushort)(sequence + 1000), await caller.ReceiveAsync());
        }

        callee.SendRtp(2000, calleeSendsTo);
        Assert.Equal(new IPEndPoint(TwoNetworks.HostA, callerSendsTo), await caller.ReceiveSourceAsync()); // kernel, same source
        Assert.Equal(kernelBefore + 101, relay.Metrics.KernelPacketsRelayed);
        Assert.Equal(104, relay.GetSession(callId)!.Counters.Packets);
    }
}

/// <summary>
/// Kernel forwarding on every interface follows interfaces added after the start: the relay starts first, the two
/// networks' veths appear later, and after the next look (30 s, on the timeout sweep) calls across them are relayed
/// in the kernel.
/// </summary>
[Collection(TwoNetworks.Collection)]
public sealed class KernelInterfacesFollowTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MediaRelay _relay;
    private readonly TwoNetworks _networks;

    public KernelInterfacesFollowTests()
    {
        _relay = TestRelay.Create(_time, 42500, configure: o => (o.BindAddress, o.KernelForwarding) = ("0.0.0.0", KernelForwardingMode.Required));
        _networks = new TwoNetworks();
    }

    public void Dispose()
    {
        _relay.Dispose();
        _networks.Dispose();
    }

    [Fact]
    public async Task Interfaces_added_after_the_start_get_the_program_at_the_next_look()
    {
        var before = _relay.Kernel!.AttachedInterfaces;
        _time.Advance(TimeSpan.FromSeconds(35));
        Assert.Equal(before + 2, _relay.Kernel.AttachedInterfaces);

        using var caller = new UdpPeer(_networks.PhoneSocket("a"), TwoNetworks.HostA);
        using var callee = new UdpPeer(_networks.PhoneSocket("b"), TwoNetworks.HostB);
        await KernelNeighbourTests.CrossInKernelAsync(_relay, caller, callee, "follow-1");

        _networks.Dispose();
        _time.Advance(TimeSpan.FromSeconds(35));
        Assert.Equal(before, _relay.Kernel.AttachedInterfaces); // and gone with them
    }
}
