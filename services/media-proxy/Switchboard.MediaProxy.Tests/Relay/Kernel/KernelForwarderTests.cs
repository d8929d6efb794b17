using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Switchboard.MediaProxy.Relay.Kernel;
using Xunit;

namespace Switchboard.MediaProxy.Tests.Relay.Kernel;

/// <summary>
/// The eBPF forwarding program on the real loopback interface (needs root or CAP_BPF + CAP_NET_ADMIN, as CI has):
/// a rule moves a latched peer's packets to the other leg inside the kernel, with the relay's address and port as
/// the source and intact payload and checksums (the receiving socket drops a datagram whose checksum is wrong).
/// </summary>
public sealed class KernelForwarderTests
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;

    [Fact]
    public void A_rule_relays_the_latched_peer_in_the_kernel_with_the_relay_port_as_source()
    {
        using var forwarder = new KernelForwarder(64, [NetworkInterface.LoopbackInterfaceIndex]);
        using var caller = Bound();
        using var callee = Bound();
        using var facingCaller = Bound();
        using var facingCallee = Bound();
        var key = Key(caller, Port(facingCaller));
        forwarder.Install(key, Value(new IPEndPoint(Loopback, Port(facingCallee)), (IPEndPoint)callee.LocalEndPoint!));

        var payload = Payload(1);
        caller.SendTo(payload, new IPEndPoint(Loopback, Port(facingCaller)));

        var (data, from) = Receive(callee);
        Assert.Equal(payload, data);
        Assert.Equal(new IPEndPoint(Loopback, Port(facingCallee)), from);
        Assert.Equal(0, facingCaller.Available); // the relay socket never saw it
        Assert.True(forwarder.TryRead(key, out var counters));
        Assert.Equal(1, counters.Packets);
        Assert.Equal(payload.Length, counters.Bytes); // UDP payload, as the user-space relay counts
    }

    [Fact]
    public void A_stranger_and_a_removed_rule_reach_the_relay_socket_instead()
    {
        using var forwarder = new KernelForwarder(64, [NetworkInterface.LoopbackInterfaceIndex]);
        using var caller = Bound();
        using var stranger = Bound();
        using var callee = Bound();
        using var facingCaller = Bound();
        var key = Key(caller, Port(facingCaller));
        forwarder.Install(key, Value(new IPEndPoint(Loopback, 40000), (IPEndPoint)callee.LocalEndPoint!));

        stranger.SendTo(Payload(2), new IPEndPoint(Loopback, Port(facingCaller)));
        Assert.Equal(Payload(2), Receive(facingCaller).Data);

        Assert.True(forwarder.Remove(key));
        Assert.False(forwarder.TryRead(key, out _));
        caller.SendTo(Payload(3), new IPEndPoint(Loopback, Port(facingCaller)));
        Assert.Equal(Payload(3), Receive(facingCaller).Data);
        Assert.Equal(0, callee.Available);
    }

    [Fact]
    public void Two_forwarders_on_one_interface_chain_a_miss_to_the_next()
    {
        using var first = new KernelForwarder(64, [NetworkInterface.LoopbackInterfaceIndex]);
        using var second = new KernelForwarder(64, [NetworkInterface.LoopbackInterfaceIndex]);
        using var caller = Bound();
        using var callee = Bound();
        using var facingCaller = Bound();
        var key = Key(caller, Port(facingCaller));
        second.Install(key, Value(new IPEndPoint(Loopback, 40002), (IPEndPoint)callee.LocalEndPoint!));

        caller.SendTo(Payload(4), new IPEndPoint(Loopback, Port(facingCaller)));

        Assert.Equal(Payload(4), Receive(callee).Data);
        Assert.True(second.TryRead(key, out var counters));
        Assert.Equal(1, counters.Packets);
    }

    private static byte[] Key(Socket peer, int relayPort)
    {
        var key = new byte[ForwardingRule.KeySize];
        ForwardingRule.WriteKey(key, (IPEndPoint)peer.LocalEndPoint!, relayPort);
        return key;
    }

    private static byte[] Value(IPEndPoint from, IPEndPoint to)
    {
        var value = new byte[ForwardingRule.ValueSize];
        ForwardingRule.WriteValue(value, from, to, NetworkInterface.LoopbackInterfaceIndex, ForwardingRule.DeliverLocally);
        return value;
    }

    private static byte[] Payload(byte marker) => [0x80, 0, 0, marker, .. new byte[168]];

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(Loopback, 0));
        socket.ReceiveTimeout = 2000;
        return socket;
    }

    private static int Port(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;

    private static (byte[] Data, IPEndPoint From) Receive(Socket socket)
    {
        var buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        var length = socket.ReceiveFrom(buffer, ref from);
        return (buffer[..length], (IPEndPoint)from);
    }
}
